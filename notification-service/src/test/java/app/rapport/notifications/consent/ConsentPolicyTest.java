package app.rapport.notifications.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static app.rapport.contract.CareTeamRole.CASE_MANAGER;
import static app.rapport.contract.CareTeamRole.FAMILY;
import static app.rapport.contract.CareTeamRole.SOLICITOR;
import static app.rapport.contract.CareTeamRole.SUPPORT_WORKER;
import static app.rapport.contract.CareTeamRole.THERAPIST;
import static app.rapport.contract.DataCategory.ALLIANCE;
import static app.rapport.contract.DataCategory.GOALS;
import static app.rapport.contract.DataCategory.IDENTITY;
import static app.rapport.contract.DataCategory.LITIGATION;
import static app.rapport.contract.DataCategory.SCHEDULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final UUID SOPHIE = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private static ConsentPolicy.Decision role(CareTeamRole role, DataCategory category, boolean granted, LocalDate from,
                                               Instant recordedAt) {
        return new ConsentPolicy.Decision(category, role, null, granted, from, null, recordedAt);
    }

    private static ConsentPolicy.Decision member(UUID memberId, DataCategory category, boolean granted, LocalDate from,
                                                 Instant recordedAt) {
        return new ConsentPolicy.Decision(category, null, memberId, granted, from, null, recordedAt);
    }

    @Test
    void withoutDecisionsTheDesignsDefaultsApply() {
        // Rows of the access matrix: role → categories shared before the client decides anything.
        assertTrue(ConsentPolicy.allows(List.of(), SCHEDULE, CASE_MANAGER, null, TODAY));
        assertTrue(ConsentPolicy.allows(List.of(), ALLIANCE, THERAPIST, null, TODAY));
        assertTrue(ConsentPolicy.allows(List.of(), GOALS, SUPPORT_WORKER, null, TODAY));
        assertFalse(ConsentPolicy.allows(List.of(), LITIGATION, SUPPORT_WORKER, null, TODAY));
        assertTrue(ConsentPolicy.allows(List.of(), IDENTITY, SOLICITOR, SOPHIE, TODAY));
        assertTrue(ConsentPolicy.allows(List.of(), LITIGATION, SOLICITOR, SOPHIE, TODAY));
        assertFalse(ConsentPolicy.allows(List.of(), SCHEDULE, SOLICITOR, SOPHIE, TODAY));
        assertFalse(ConsentPolicy.allows(List.of(), GOALS, SOLICITOR, SOPHIE, TODAY));
        for (DataCategory category : DataCategory.values()) {
            assertFalse(ConsentPolicy.allows(List.of(), category, FAMILY, null, TODAY), category.wire());
        }
    }

    @Test
    void allianceNeverReachesSolicitorsSupportWorkersOrFamilyWhateverWasGranted() {
        for (CareTeamRole role : List.of(SOLICITOR, SUPPORT_WORKER, FAMILY)) {
            var grants = List.of(role(role, ALLIANCE, true, TODAY.minusDays(1), T0), member(SOPHIE, ALLIANCE, true,
                    TODAY.minusDays(1), T0));
            assertFalse(ConsentPolicy.allows(grants, ALLIANCE, role, SOPHIE, TODAY), role.wire());
        }
    }

    @Test
    void theCaseManagerHoldsTheRecordAndIsNotNarrowed() {
        var withdrawal = List.of(role(CASE_MANAGER, SCHEDULE, false, TODAY, T0));
        assertTrue(ConsentPolicy.allows(withdrawal, SCHEDULE, CASE_MANAGER, null, TODAY));
    }

    @Test
    void theLatestDecisionInForceWinsAndAWithdrawalTakesEffectOnItsDay() {
        var grantThenWithdraw = List.of(role(SOLICITOR, SCHEDULE, true, TODAY.minusDays(10), T0),
                role(SOLICITOR, SCHEDULE, false, TODAY, T0.plusSeconds(60)));
        assertFalse(ConsentPolicy.allows(grantThenWithdraw, SCHEDULE, SOLICITOR, SOPHIE, TODAY));
        assertTrue(ConsentPolicy.allows(grantThenWithdraw, SCHEDULE, SOLICITOR, SOPHIE, TODAY.minusDays(1)),
                "the day before the withdrawal the grant was in force");
        // Same effective day: the one recorded later decides.
        var sameDay = List.of(role(SOLICITOR, SCHEDULE, false, TODAY, T0.plusSeconds(120)),
                role(SOLICITOR, SCHEDULE, true, TODAY, T0.plusSeconds(60)));
        assertFalse(ConsentPolicy.allows(sameDay, SCHEDULE, SOLICITOR, SOPHIE, TODAY));
        // A withdrawal from next week is not in force yet.
        var future = List.of(role(SOLICITOR, SCHEDULE, true, TODAY.minusDays(3), T0),
                role(SOLICITOR, SCHEDULE, false, TODAY.plusDays(7), T0.plusSeconds(60)));
        assertTrue(ConsentPolicy.allows(future, SCHEDULE, SOLICITOR, SOPHIE, TODAY));
    }

    @Test
    void aDecisionAboutTheMemberOutranksOneAboutTheirRole() {
        var decisions = List.of(member(SOPHIE, SCHEDULE, false, TODAY.minusDays(5), T0),
                role(SOLICITOR, SCHEDULE, true, TODAY, T0.plusSeconds(60)));
        assertFalse(ConsentPolicy.allows(decisions, SCHEDULE, SOLICITOR, SOPHIE, TODAY), "Sophie's own withdrawal");
        assertTrue(ConsentPolicy.allows(decisions, SCHEDULE, SOLICITOR, UUID.randomUUID(), TODAY), "other solicitors");
        // Decisions about other categories change nothing.
        assertFalse(ConsentPolicy.allows(List.of(role(SOLICITOR, GOALS, true, TODAY, T0)), SCHEDULE, SOLICITOR, SOPHIE, TODAY));
    }

    @Test
    void aGrantThatHasRunOutSharesNothing() {
        var expired = List.of(new ConsentPolicy.Decision(SCHEDULE, SOLICITOR, null, true, TODAY.minusDays(30),
                TODAY.minusDays(1), T0));
        assertFalse(ConsentPolicy.allows(expired, SCHEDULE, SOLICITOR, SOPHIE, TODAY));
        // A role default is narrowed by a withdrawal, and an expired grant does not bring the default back.
        var expiredGrantForSupport = List.of(new ConsentPolicy.Decision(GOALS, SUPPORT_WORKER, null, true,
                TODAY.minusDays(30), TODAY.minusDays(1), T0));
        assertFalse(ConsentPolicy.allows(expiredGrantForSupport, GOALS, SUPPORT_WORKER, null, TODAY));
        assertEquals(true, ConsentPolicy.allows(expiredGrantForSupport, GOALS, SUPPORT_WORKER, null, TODAY.minusDays(2)));
    }
}
