package app.rapport.contract.litigation;

import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A litigation milestone was recorded, usually by the solicitor's system.
 *
 * @param kind e.g. {@code trial-date-set}, {@code interim-payment}, {@code settlement}
 * @param occurredOn when it happened (for a trial date: when the date was set)
 * @param dueOn the date it refers to, when there is one (the trial date itself)
 * @param firmId the law firm whose case it is
 */
public record MilestoneRecorded(UUID clientId, UUID milestoneId, String kind, LocalDate occurredOn, LocalDate dueOn,
                                String firmId, String recordedBy) implements ValidatedPayload {

    public static final List<String> KINDS = List.of("proceedings-issued", "liability-admitted", "liability-denied",
            "trial-date-set", "interim-payment", "settlement", "case-closed", "other");

    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(milestoneId, "milestoneId");
        ValidatedPayload.required(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS);
        }
        ValidatedPayload.required(occurredOn, "occurredOn");
        ValidatedPayload.required(firmId, "firmId");
        ValidatedPayload.required(recordedBy, "recordedBy");
    }
}
