package app.rapport.clients.service.goals;

import app.rapport.clients.domain.Goal;
import app.rapport.clients.domain.GoalProgress;

import java.util.List;

/** A goal with its progress notes, newest first (empty when the reader may only see a summary). */
public record GoalDetails(Goal goal, List<GoalProgress> progress) {
}
