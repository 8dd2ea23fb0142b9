package app.rapport.alliance.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The rupture signals of the design, as events and APIs spell them. */
public enum SignalKind {
    /** 1. A client alliance score below the measure's cut-off. */
    BELOW_CUT_OFF("below-cut-off"),
    /** 2a. A reliable drop from the pair's previous score on the same measure. */
    DROP_FROM_PREVIOUS("drop-from-previous"),
    /** 2b. A reliable drop from the pair's own baseline (mean of their first scores) on the same measure. */
    DROP_FROM_BASELINE("drop-from-baseline"),
    /** 3. Withdrawal: the client did not attend. */
    DID_NOT_ATTEND("did-not-attend"),
    /** 3. Withdrawal: the client cancelled at short notice. */
    LATE_CLIENT_CANCELLATION("late-client-cancellation"),
    /** 3. Withdrawal: the client cancelled repeatedly within a window. */
    REPEATED_CANCELLATIONS("repeated-cancellations"),
    /** 3. Withdrawal: the client asked to move sessions repeatedly within a window. */
    REPEATED_RESCHEDULING("repeated-rescheduling"),
    /** 3. Withdrawal: the client arrived late. */
    LATENESS("lateness"),
    /** 3. Withdrawal: the gap since the pair last met is much longer than their usual interval. */
    UNUSUAL_GAP("unusual-gap"),
    /** 4. The professional cancelled at short notice (a known rupture trigger). */
    PROFESSIONAL_SHORT_NOTICE_CANCELLATION("professional-short-notice-cancellation"),
    /** 5. The professional reported a withdrawal or confrontation marker. */
    PROFESSIONAL_MARKER("professional-marker"),
    /** 6. The client rates at the ceiling while the professional's check-in is low. */
    RATING_DISCREPANCY("rating-discrepancy"),
    /** 7. Low alliance by the third session. */
    EARLY_WARNING("early-warning");

    private final String wire;

    SignalKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SignalKind fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown signal " + value));
    }
}
