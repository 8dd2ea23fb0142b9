package app.rapport.alliance.rules;

import app.rapport.contract.session.PairHistory;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Withdrawal signals (3, including repeated moves the client asked for) and the professional's short-notice
 * cancellation (4) from session events. Pure.
 * MDT meetings are left out: the client is often not expected there, so absence says nothing about a pair.
 */
public final class SessionRules {

    static final String MDT = "mdt-meeting";

    private SessionRules() {
    }

    public static List<PairSignal> missed(SessionMissed missed, Thresholds t) {
        if (MDT.equals(missed.type())) {
            return List.of();
        }
        List<PairSignal> signals = new ArrayList<>();
        for (String professional : missed.professionalIds()) {
            signals.add(new PairSignal(professional, new Signal(SignalKind.DID_NOT_ATTEND, new Evidence(
                    "session missed without notice", List.of(), List.of(missed.sessionId()), Map.of(), Map.of(),
                    Map.of("sessionType", missed.type())))));
        }
        signals.addAll(gaps(missed.sessionId(), missed.pairs(), t));
        return signals;
    }

    public static List<PairSignal> attended(SessionAttended attended, Thresholds t) {
        if (MDT.equals(attended.type())) {
            return List.of();
        }
        List<PairSignal> signals = new ArrayList<>();
        if (attended.minutesLate() >= t.latenessMinutes()) {
            for (String professional : attended.professionalIds()) {
                signals.add(new PairSignal(professional, new Signal(SignalKind.LATENESS, new Evidence(
                        "minutesLate >= latenessMinutes", List.of(), List.of(attended.sessionId()),
                        Map.of("minutesLate", (double) attended.minutesLate()),
                        Map.of("latenessMinutes", (double) t.latenessMinutes()), Map.of()))));
            }
        }
        signals.addAll(gaps(attended.sessionId(), attended.pairs(), t));
        return signals;
    }

    /**
     * @param earlierClientCancellations start times of the client's earlier cancellations of sessions with each
     *        professional of this session (by professional id); this cancellation is not among them
     */
    public static List<PairSignal> cancelled(SessionCancelled cancelled, Map<String, List<Instant>> earlierClientCancellations,
                                             Thresholds t) {
        if (MDT.equals(cancelled.type())) {
            return List.of();
        }
        List<PairSignal> signals = new ArrayList<>();
        if ("client".equals(cancelled.cancelledBy())) {
            for (String professional : cancelled.professionalIds()) {
                if (cancelled.hoursNotice() < t.lateCancellationHours()) {
                    signals.add(new PairSignal(professional, new Signal(SignalKind.LATE_CLIENT_CANCELLATION, new Evidence(
                            "client cancelled with hoursNotice < lateCancellationHours", List.of(),
                            List.of(cancelled.sessionId()), Map.of("hoursNotice", cancelled.hoursNotice()),
                            Map.of("lateCancellationHours", t.lateCancellationHours()),
                            Map.of("reasonCode", cancelled.reasonCode())))));
                }
                long inWindow = countWithin(cancelled.start(), earlierClientCancellations.getOrDefault(professional, List.of()),
                        t.repeatedCancellationWindowDays());
                if (inWindow >= t.repeatedCancellations()) {
                    signals.add(new PairSignal(professional, new Signal(SignalKind.REPEATED_CANCELLATIONS, new Evidence(
                            "client cancellations within repeatedCancellationWindowDays >= repeatedCancellations",
                            List.of(), List.of(cancelled.sessionId()), Map.of("cancellationsInWindow", (double) inWindow),
                            Map.of("repeatedCancellations", (double) t.repeatedCancellations(),
                                    "repeatedCancellationWindowDays", (double) t.repeatedCancellationWindowDays()),
                            Map.of()))));
                }
            }
        } else if (cancelled.hoursNotice() < t.professionalShortNoticeHours()) {
            // The professional who recorded the cancellation is the one who cancelled, when they are in the session.
            List<String> who = cancelled.professionalIds().contains(cancelled.recordedBy())
                    ? List.of(cancelled.recordedBy()) : cancelled.professionalIds();
            for (String professional : who) {
                signals.add(new PairSignal(professional, new Signal(SignalKind.PROFESSIONAL_SHORT_NOTICE_CANCELLATION,
                        new Evidence("professional cancelled with hoursNotice < professionalShortNoticeHours", List.of(),
                                List.of(cancelled.sessionId()), Map.of("hoursNotice", cancelled.hoursNotice()),
                                Map.of("professionalShortNoticeHours", t.professionalShortNoticeHours()),
                                Map.of("reasonCode", cancelled.reasonCode())))));
            }
        }
        return signals;
    }

    /**
     * Withdrawal: the client keeps asking to move the pair's sessions. Moves asked for by the professional, or recorded
     * without saying who asked (a whole series retimed), say nothing about the client.
     *
     * @param earlierClientMoves original start times of the client's earlier moves of sessions with each professional
     *        of this session (by professional id); this move is not among them
     */
    public static List<PairSignal> rescheduled(SessionRescheduled moved, Map<String, List<Instant>> earlierClientMoves,
                                               Thresholds t) {
        if (MDT.equals(moved.type()) || !"client".equals(moved.requestedBy())) {
            return List.of();
        }
        List<PairSignal> signals = new ArrayList<>();
        for (String professional : moved.professionalIds()) {
            long inWindow = countWithin(moved.previousStart(), earlierClientMoves.getOrDefault(professional, List.of()),
                    t.repeatedReschedulingWindowDays());
            if (inWindow >= t.repeatedReschedules()) {
                signals.add(new PairSignal(professional, new Signal(SignalKind.REPEATED_RESCHEDULING, new Evidence(
                        "moves asked for by the client within repeatedReschedulingWindowDays >= repeatedReschedules",
                        List.of(), List.of(moved.sessionId(), moved.newSessionId()),
                        Map.of("movesInWindow", (double) inWindow, "hoursNotice", moved.hoursNotice()),
                        Map.of("repeatedReschedules", (double) t.repeatedReschedules(),
                                "repeatedReschedulingWindowDays", (double) t.repeatedReschedulingWindowDays()),
                        Map.of("requestedBy", moved.requestedBy())))));
            }
        }
        return signals;
    }

    /** This event (at {@code at}) and the earlier ones within the window before it. */
    private static long countWithin(Instant at, List<Instant> earlier, int windowDays) {
        Instant windowStart = at.minus(Duration.ofDays(windowDays));
        return 1 + earlier.stream().filter(s -> !s.isBefore(windowStart) && !s.isAfter(at)).count();
    }

    private static List<PairSignal> gaps(java.util.UUID sessionId, List<PairHistory> pairs, Thresholds t) {
        List<PairSignal> signals = new ArrayList<>();
        for (PairHistory pair : pairs) {
            if (pair.gapDays() == null || pair.usualIntervalDays() == null || pair.usualIntervalDays() <= 0) {
                continue;
            }
            if (pair.gapDays() > t.unusualGapFactor() * pair.usualIntervalDays()) {
                Map<String, Double> observed = new HashMap<>();
                observed.put("gapDays", pair.gapDays());
                observed.put("usualIntervalDays", pair.usualIntervalDays());
                signals.add(new PairSignal(pair.professionalId(), new Signal(SignalKind.UNUSUAL_GAP, new Evidence(
                        "gapDays > unusualGapFactor * usualIntervalDays", List.of(), List.of(sessionId), observed,
                        Map.of("unusualGapFactor", t.unusualGapFactor()), Map.of()))));
            }
        }
        return signals;
    }

    /** Signal 5: the professional reports a withdrawal or confrontation marker. */
    public static Signal marker(String markerKind, java.util.UUID markerId) {
        if (!List.of("withdrawal", "confrontation").contains(markerKind)) {
            throw new IllegalArgumentException("marker must be withdrawal or confrontation");
        }
        return new Signal(SignalKind.PROFESSIONAL_MARKER, new Evidence("reported by the professional", List.of(), List.of(),
                Map.of(), Map.of(), Map.of("marker", markerKind, "markerId", markerId.toString())));
    }
}
