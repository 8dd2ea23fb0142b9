package app.rapport.clients.rest;

import app.rapport.clients.domain.LitigationMilestone;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MilestoneView(UUID id, String kind, LocalDate occurredOn, LocalDate dueOn, String note, String firmId,
                            String recordedBy, Instant recordedAt) {

    static MilestoneView of(LitigationMilestone m) {
        return new MilestoneView(m.id, m.kind, m.occurredOn, m.dueOn, m.note, m.firmId, m.recordedBy, m.recordedAt);
    }
}
