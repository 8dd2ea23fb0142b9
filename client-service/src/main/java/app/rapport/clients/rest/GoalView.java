package app.rapport.clients.rest;

import app.rapport.clients.domain.Goal;
import app.rapport.clients.domain.GoalProgress;
import app.rapport.clients.service.goals.GoalDetails;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A goal as the caller may see it. The case team sees everything; the firm's solicitors (with the
 * client's consent) only the goal's words and status — the other fields are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalView(UUID id, String statement, String status, List<String> tasks, List<String> agreedBy,
                       LocalDate targetDate, Integer progressPercent, LocalDate achievedOn, String setBy, Instant setAt,
                       String updatedBy, Instant updatedAt, List<Progress> progress, Long version) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(UUID id, LocalDate notedOn, String note, Integer progressPercent, String authorId,
                           Instant recordedAt) {

        static Progress of(GoalProgress p) {
            return new Progress(p.id, p.notedOn, p.note, p.progressPercent, p.authorId, p.recordedAt);
        }
    }

    static GoalView of(GoalDetails details, boolean summaryOnly) {
        Goal g = details.goal();
        if (summaryOnly) {
            return new GoalView(g.id, g.statement, g.status.wire(), null, null, null, null, null, null, null, null, null,
                    null, null);
        }
        return new GoalView(g.id, g.statement, g.status.wire(), List.copyOf(g.tasks), g.agreedBy.stream().sorted().toList(),
                g.targetDate, g.progressPercent, g.achievedOn, g.setBy, g.setAt, g.updatedBy, g.updatedAt,
                details.progress().stream().map(Progress::of).toList(), g.version);
    }
}
