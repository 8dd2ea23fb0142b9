package app.rapport.contract.alliance;

import app.rapport.contract.ValidatedPayload;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Vocabulary shared by the alliance events. */
public final class AllianceTypes {

    /** Who filled in a measure. */
    public static final List<String> RATERS = List.of("client", "professional", "family");
    /** The rupture signals (see DESIGN.md, "Alliance measurement"). */
    public static final List<String> SIGNALS = List.of("below-cut-off", "drop-from-previous", "drop-from-baseline",
            "did-not-attend", "late-client-cancellation", "repeated-cancellations", "repeated-rescheduling", "lateness",
            "unusual-gap",
            "professional-short-notice-cancellation", "professional-marker", "rating-discrepancy", "early-warning");
    /** What was tried to repair a rupture (the professional's note stays in alliance-service). */
    public static final List<String> REPAIR_STRATEGIES = List.of("explore-together", "acknowledge-own-part",
            "clarify-rationale", "change-task-or-goal", "adjust-practicalities", "involve-team", "other");
    /** Why an episode was closed without being resolved. */
    public static final List<String> CLOSE_REASONS = List.of("unplanned-ending", "planned-ending", "professional-left",
            "closed-by-professional");

    private AllianceTypes() {
    }

    static void pair(UUID clientId, String professionalId) {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(professionalId, "professionalId");
    }

    static void oneOf(String value, Collection<String> allowed, String field) {
        ValidatedPayload.required(value, field);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + allowed);
        }
    }
}
