package app.rapport.platform.consent;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.platform.consent.ConsentRules.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.rapport.contract.CareTeamRole.CASE_MANAGER;
import static app.rapport.contract.CareTeamRole.FAMILY;
import static app.rapport.contract.CareTeamRole.SOLICITOR;
import static app.rapport.contract.CareTeamRole.SUPPORT_WORKER;
import static app.rapport.contract.CareTeamRole.THERAPIST;
import static app.rapport.contract.DataCategory.ALLIANCE;
import static app.rapport.contract.DataCategory.GOALS;
import static app.rapport.contract.DataCategory.SCHEDULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final UUID THEO = UUID.randomUUID();
    private static final UUID NADIA = UUID.randomUUID();

    private static Decision toRole(CareTeamRole role, DataCategory category, boolean granted, LocalDate from,
                                   LocalDate until, Instant recordedAt) {
        return new Decision(category, role, null, granted, from, until, recordedAt);
    }

    private static Decision toMember(UUID member, DataCategory category, boolean granted, LocalDate from, LocalDate until,
                                     Instant recordedAt) {
        return new Decision(category, null, member, granted, from, until, recordedAt);
    }

    private static boolean allows(CareTeamRole role, UUID member, DataCategory category, Decision... decisions) {
        return ConsentRules.allows(role, member, category, List.of(decisions), TODAY);
    }

    /** With no decision, each role sees what the design's matrix gives it and nothing else. */
    @ParameterizedTest(name = "{0} sees {1} by default")
    @CsvSource({
            "case-manager,   identity schedule goals alliance notes litigation",
            "therapist,      identity schedule goals alliance litigation",
            "support-worker, identity schedule goals",
            "solicitor,      identity litigation",
            "family,         ''"})
    void defaultsFollowTheMatrix(String role, String categories) {
        Set<DataCategory> expected = Arrays.stream(categories.trim().split("\\s+")).filter(c -> !c.isEmpty())
                .map(DataCategory::fromWire).collect(Collectors.toSet());
        for (DataCategory category : DataCategory.values()) {
            assertEquals(expected.contains(category), allows(CareTeamRole.fromWire(role), null, category), role + " / " + category);
        }
    }

    /** Alliance data never goes to solicitors, support workers or family, whatever was recorded. */
    @ParameterizedTest
    @CsvSource({"solicitor", "support-worker", "family"})
    void noGrantOpensAllianceToThoseItIsNeverSharedWith(String role) {
        CareTeamRole recipient = CareTeamRole.fromWire(role);
        assertEquals(ConsentRules.Start.NEVER, ConsentRules.start(recipient, ALLIANCE));
        assertFalse(allows(recipient, THEO, ALLIANCE, toRole(recipient, ALLIANCE, true, TODAY, null, NOON),
                toMember(THEO, ALLIANCE, true, TODAY, null, NOON)));
    }

    @Test
    void aGrantOpensWhatNeedsConsent() {
        assertFalse(allows(SOLICITOR, null, SCHEDULE));
        assertTrue(allows(SOLICITOR, null, SCHEDULE, toRole(SOLICITOR, SCHEDULE, true, TODAY, null, NOON)));
        assertTrue(allows(FAMILY, NADIA, GOALS, toMember(NADIA, GOALS, true, TODAY, null, NOON)));
    }

    @Test
    void theCaseManagerIsNeverNarrowed() {
        assertFalse(ConsentRules.narrowable(CASE_MANAGER));
        assertTrue(allows(CASE_MANAGER, THEO, ALLIANCE, toRole(CASE_MANAGER, ALLIANCE, false, TODAY, null, NOON),
                toMember(THEO, ALLIANCE, false, TODAY, null, NOON)));
    }

    @Test
    void aDecisionAboutAMemberOutranksOneAboutTheirRole() {
        Decision roleWithdrawn = toRole(THERAPIST, ALLIANCE, false, TODAY, null, NOON.plusSeconds(60));
        Decision theoGranted = toMember(THEO, ALLIANCE, true, TODAY.minusDays(3), null, NOON.minusSeconds(3600));
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, roleWithdrawn, theoGranted), "older, but about theo himself");
        assertFalse(allows(THERAPIST, NADIA, ALLIANCE, roleWithdrawn, theoGranted), "another therapist follows the role");
        assertFalse(allows(THERAPIST, THEO, ALLIANCE, toMember(THEO, ALLIANCE, false, TODAY, null, NOON),
                toRole(THERAPIST, ALLIANCE, true, TODAY, null, NOON.plusSeconds(60))));
    }

    @Test
    void amongEqualsTheLatestEffectiveDayWinsThenTheLatestRecorded() {
        Decision withdrawnLastWeek = toRole(THERAPIST, ALLIANCE, false, TODAY.minusDays(7), null, NOON);
        Decision grantedYesterdayRecordedEarlier = toRole(THERAPIST, ALLIANCE, true, TODAY.minusDays(1), null,
                NOON.minusSeconds(86_400 * 30));
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, withdrawnLastWeek, grantedYesterdayRecordedEarlier));

        Decision grantedMorning = toRole(THERAPIST, ALLIANCE, true, TODAY, null, NOON.minusSeconds(3600));
        Decision withdrawnNoon = toRole(THERAPIST, ALLIANCE, false, TODAY, null, NOON);
        assertFalse(allows(THERAPIST, THEO, ALLIANCE, withdrawnNoon, grantedMorning), "same day: the later record");
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, withdrawnNoon, toRole(THERAPIST, ALLIANCE, true, TODAY, null,
                NOON.plusSeconds(1))));
    }

    @Test
    void aDecisionDatedAheadWaitsForItsDay() {
        Decision withdrawnTomorrow = toRole(THERAPIST, ALLIANCE, false, TODAY.plusDays(1), null, NOON);
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, withdrawnTomorrow));
        assertFalse(ConsentRules.allows(THERAPIST, THEO, ALLIANCE, List.of(withdrawnTomorrow), TODAY.plusDays(1)));
    }

    @Test
    void aGrantThatRanOutSharesNothingEvenWhereTheDefaultWouldShare() {
        Decision untilToday = toMember(THEO, ALLIANCE, true, TODAY.minusDays(10), TODAY, NOON);
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, untilToday), "the last day is included");
        assertFalse(ConsentRules.allows(THERAPIST, THEO, ALLIANCE, List.of(untilToday), TODAY.plusDays(1)));
        assertTrue(allows(THERAPIST, null, ALLIANCE), "the default shares alliance data with therapists");
    }

    @Test
    void decisionsAboutOtherCategoriesChangeNothing() {
        assertTrue(allows(THERAPIST, THEO, ALLIANCE, toRole(THERAPIST, GOALS, false, TODAY, null, NOON),
                toMember(THEO, SCHEDULE, false, TODAY, null, NOON)));
    }
}
