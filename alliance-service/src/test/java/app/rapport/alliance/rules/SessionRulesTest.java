package app.rapport.alliance.rules;

import app.rapport.contract.session.PairHistory;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Withdrawal and short-notice signals from session events, with the default thresholds. */
class SessionRulesTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final String THEO = "theo";
    private static final String SAM = "sam";

    private static Set<String> kinds(List<PairSignal> signals) {
        return signals.stream().map(s -> s.professionalId() + ":" + s.signal().kind().wire()).collect(Collectors.toSet());
    }

    private static Set<String> expected(String spec) {
        return spec == null || spec.isBlank() ? Set.of() : Set.of(spec.split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'on time, usual rhythm', therapy, 0, 7, 7, ''",
            "'14 minutes late is not lateness', therapy, 14, 7, 7, ''",
            "'15 minutes late is (tie counts)', therapy, 15, 7, 7, theo:lateness",
            "'gap exactly twice the usual is not unusual', therapy, 0, 14, 7, ''",
            "'gap just over twice the usual', therapy, 0, 14.5, 7, theo:unusual-gap",
            "'first session: no gap known', therapy, 0, , , ''",
            "'second session: no usual interval yet', therapy, 0, 30, , ''",
            "'late and after a long gap', case-management-visit, 40, 40, 10, theo:lateness theo:unusual-gap",
            "'MDT meetings are not read for withdrawal', mdt-meeting, 40, 40, 10, ''",
    })
    void attended(String why, String type, int minutesLate, Double gap, Double usual, String spec) {
        SessionAttended attended = new SessionAttended(UUID.randomUUID(), CLIENT, List.of(THEO), type, START, minutesLate,
                List.of(new PairHistory(THEO, gap, usual)), "theo");
        assertEquals(expected(spec), kinds(SessionRules.attended(attended, Thresholds.DEFAULTS)), why);
    }

    @Test
    void aMissedSessionIsWithdrawalForEveryPairInIt() {
        UUID session = UUID.randomUUID();
        SessionMissed missed = new SessionMissed(session, CLIENT, List.of(THEO, SAM), "therapy", START,
                List.of(new PairHistory(THEO, 21.0, 7.0), new PairHistory(SAM, 7.0, 7.0)), "theo");
        List<PairSignal> signals = SessionRules.missed(missed, Thresholds.DEFAULTS);
        assertEquals(Set.of("theo:did-not-attend", "sam:did-not-attend", "theo:unusual-gap"), kinds(signals));
        assertTrue(signals.stream().allMatch(s -> s.signal().evidence().sessionIds().equals(List.of(session))));
        PairSignal gap = signals.stream().filter(s -> s.signal().kind() == SignalKind.UNUSUAL_GAP).findFirst().orElseThrow();
        assertEquals(21.0, gap.signal().evidence().observed().get("gapDays"));
        assertEquals(2.0, gap.signal().evidence().thresholds().get("unusualGapFactor"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'client, 48 hours notice, first cancellation', client, 48, theo, 0, ''",
            "'client, exactly 24 hours is not late', client, 24, theo, 0, ''",
            "'client, 23.9 hours is late', client, 23.9, theo, 0, theo:late-client-cancellation",
            "'client, after the start (negative notice) is late', client, -1, theo, 0, theo:late-client-cancellation",
            "'client, second cancellation within 30 days', client, 72, theo, 1, theo:repeated-cancellations",
            "'client, late and repeated', client, 2, theo, 1, theo:late-client-cancellation theo:repeated-cancellations",
            "'professional, 47.5 hours is short notice', professional, 47.5, theo, 0, theo:professional-short-notice-cancellation",
            "'professional, exactly 48 hours is not', professional, 48, theo, 0, ''",
            "'professional, recorded by someone outside the session: every professional in it', professional, 3, alice, 0, theo:professional-short-notice-cancellation sam:professional-short-notice-cancellation",
    })
    void cancelled(String why, String by, double hoursNotice, String recordedBy, int earlierInWindow, String spec) {
        List<String> professionals = recordedBy.equals("alice") ? List.of(THEO, SAM) : List.of(THEO);
        SessionCancelled cancelled = new SessionCancelled(UUID.randomUUID(), CLIENT, professionals, "therapy", START, by,
                "unwell", hoursNotice, recordedBy);
        List<Instant> earlier = java.util.stream.IntStream.range(0, earlierInWindow)
                .mapToObj(i -> START.minus(Duration.ofDays(10L + i))).toList();
        assertEquals(expected(spec), kinds(SessionRules.cancelled(cancelled, Map.of(THEO, earlier), Thresholds.DEFAULTS)), why);
    }

    @Test
    void repeatedCancellationsCountOnlyWithinTheWindowAndForThePair() {
        SessionCancelled cancelled = new SessionCancelled(UUID.randomUUID(), CLIENT, List.of(THEO), "therapy", START, "client",
                "transport", 72, "theo");
        // 30 days before is inside the window (inclusive); 31 days is outside.
        assertEquals(Set.of("theo:repeated-cancellations"), kinds(SessionRules.cancelled(cancelled,
                Map.of(THEO, List.of(START.minus(Duration.ofDays(30)))), Thresholds.DEFAULTS)));
        assertEquals(Set.of(), kinds(SessionRules.cancelled(cancelled,
                Map.of(THEO, List.of(START.minus(Duration.ofDays(31)))), Thresholds.DEFAULTS)));
        assertEquals(Set.of(), kinds(SessionRules.cancelled(cancelled,
                Map.of(SAM, List.of(START.minus(Duration.ofDays(3)))), Thresholds.DEFAULTS)), "another pair's cancellations");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'first move asked for by the client', therapy, client, 0, ''",
            "'second move within 30 days is not yet repeated', therapy, client, 1, ''",
            "'third move within 30 days is (tie counts)', therapy, client, 2, theo:repeated-rescheduling",
            "'moves the professional asked for say nothing about the client', therapy, professional, 5, ''",
            "'moves recorded without saying who asked (a series retimed)', therapy, , 5, ''",
            "'MDT meetings are not read for withdrawal', mdt-meeting, client, 5, ''",
            "'a case-management visit counts like therapy', case-management-visit, client, 4, theo:repeated-rescheduling",
    })
    void rescheduled(String why, String type, String requestedBy, int earlierInWindow, String spec) {
        List<Instant> earlier = java.util.stream.IntStream.range(0, earlierInWindow)
                .mapToObj(i -> START.minus(Duration.ofDays(3L + 7 * i))).toList();
        assertEquals(expected(spec), kinds(SessionRules.rescheduled(moved(type, requestedBy, List.of(THEO)),
                Map.of(THEO, earlier), Thresholds.DEFAULTS)), why);
    }

    private static SessionRescheduled moved(String type, String requestedBy, List<String> professionals) {
        return new SessionRescheduled(UUID.randomUUID(), UUID.randomUUID(), CLIENT, professionals, type, START,
                START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(50)), 20, "alice",
                requestedBy);
    }

    @Test
    void repeatedReschedulingCountsOnlyMovesWithinTheWindowBeforeThisOneAndPerPair() {
        SessionRescheduled moved = moved("therapy", "client", List.of(THEO, SAM));
        // 30 days before is inside the window (inclusive); 31 days before, or a later original start, is not.
        List<PairSignal> signals = SessionRules.rescheduled(moved, Map.of(
                THEO, List.of(START.minus(Duration.ofDays(30)), START.minus(Duration.ofDays(1))),
                SAM, List.of(START.minus(Duration.ofDays(31)), START.plus(Duration.ofDays(1)))), Thresholds.DEFAULTS);
        assertEquals(Set.of("theo:repeated-rescheduling"), kinds(signals));
        Evidence evidence = signals.get(0).signal().evidence();
        assertEquals(3.0, evidence.observed().get("movesInWindow"));
        assertEquals(20.0, evidence.observed().get("hoursNotice"));
        assertEquals(3.0, evidence.thresholds().get("repeatedReschedules"));
        assertEquals(List.of(moved.sessionId(), moved.newSessionId()), evidence.sessionIds());
        assertEquals("client", evidence.codes().get("requestedBy"));
    }

    @Test
    void organisationThresholds() {
        Thresholds lenient = new Thresholds(12, 24, 3, 30, 4, 30, 30, 3.0, 95, 14, 3, 3);
        SessionCancelled cancelled = new SessionCancelled(UUID.randomUUID(), CLIENT, List.of(THEO), "therapy", START, "client",
                "unwell", 20, "theo");
        assertEquals(Set.of(), kinds(SessionRules.cancelled(cancelled, Map.of(THEO, List.of(START.minus(Duration.ofDays(2)))), lenient)));
        SessionAttended attended = new SessionAttended(UUID.randomUUID(), CLIENT, List.of(THEO), "therapy", START, 20,
                List.of(new PairHistory(THEO, 20.0, 7.0)), "theo");
        assertEquals(Set.of(), kinds(SessionRules.attended(attended, lenient)));
        assertEquals(Set.of("theo:lateness", "theo:unusual-gap"), kinds(SessionRules.attended(attended, Thresholds.DEFAULTS)));
        List<Instant> twoEarlierMoves = List.of(START.minus(Duration.ofDays(2)), START.minus(Duration.ofDays(9)));
        assertEquals(Set.of(), kinds(SessionRules.rescheduled(moved("therapy", "client", List.of(THEO)),
                Map.of(THEO, twoEarlierMoves), lenient)), "the lenient organisation needs a fourth move");
    }

    @Test
    void markers() {
        UUID id = UUID.randomUUID();
        Signal signal = SessionRules.marker("confrontation", id);
        assertEquals(SignalKind.PROFESSIONAL_MARKER, signal.kind());
        assertEquals("confrontation", signal.evidence().codes().get("marker"));
        assertThrows(IllegalArgumentException.class, () -> SessionRules.marker("annoyed", id));
    }
}
