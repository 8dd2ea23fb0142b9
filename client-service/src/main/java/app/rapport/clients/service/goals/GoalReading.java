package app.rapport.clients.service.goals;

import java.util.List;

/**
 * Goals as the caller may read them. {@code summaryOnly} is set for the firm's solicitors, who see
 * each goal's words and status only, never tasks or progress notes.
 */
public record GoalReading(List<GoalDetails> goals, boolean summaryOnly) {
}
