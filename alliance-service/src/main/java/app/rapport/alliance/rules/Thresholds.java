package app.rapport.alliance.rules;

/**
 * An organisation's thresholds for the rupture rules. Comparisons are fixed so ties are predictable:
 * <ul>
 *   <li>late client cancellation: notice strictly less than {@code lateCancellationHours};</li>
 *   <li>professional short notice: notice strictly less than {@code professionalShortNoticeHours};</li>
 *   <li>repeated cancellations: at least {@code repeatedCancellations} client cancellations (this one included)
 *       with starts within {@code repeatedCancellationWindowDays} days;</li>
 *   <li>repeated rescheduling: at least {@code repeatedReschedules} moves asked for by the client (this one included)
 *       whose original starts lie within {@code repeatedReschedulingWindowDays} days;</li>
 *   <li>lateness: at least {@code latenessMinutes} minutes late;</li>
 *   <li>unusual gap: gap strictly greater than {@code unusualGapFactor} × the usual interval;</li>
 *   <li>ceiling: a client score at or above {@code ceilingPercent} of the maximum;</li>
 *   <li>discrepancy: the professional's check-in in its concern range, within {@code discrepancyWindowDays}
 *       days of the client's rating;</li>
 *   <li>early warning: at the pair's {@code earlyWarningSessions}-th score on a measure, both the mean of those scores
 *       and the latest one strictly below the cut-off;</li>
 *   <li>baseline: the mean of the pair's first {@code baselineScores} scores on a measure (needed in full).</li>
 * </ul>
 */
public record Thresholds(double lateCancellationHours, double professionalShortNoticeHours, int repeatedCancellations,
                         int repeatedCancellationWindowDays, int repeatedReschedules, int repeatedReschedulingWindowDays,
                         int latenessMinutes, double unusualGapFactor,
                         double ceilingPercent, int discrepancyWindowDays, int earlyWarningSessions, int baselineScores) {

    public static final Thresholds DEFAULTS = new Thresholds(24, 48, 2, 30, 3, 30, 15, 2.0, 95, 14, 3, 3);

    public Thresholds {
        if (lateCancellationHours < 0 || professionalShortNoticeHours < 0 || repeatedCancellations < 2
                || repeatedCancellationWindowDays < 1 || repeatedReschedules < 2 || repeatedReschedulingWindowDays < 1
                || latenessMinutes < 1 || unusualGapFactor <= 1
                || ceilingPercent <= 0 || ceilingPercent > 100 || discrepancyWindowDays < 0 || earlyWarningSessions < 1
                || baselineScores < 1) {
            throw new IllegalArgumentException("rupture thresholds out of range");
        }
    }
}
