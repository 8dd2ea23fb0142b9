package app.rapport.clients.service.privacy;

import app.rapport.clients.domain.Goal;
import app.rapport.clients.domain.GoalProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.rapport.clients.service.privacy.ConsentSection.text;

/** The client's goals with their tasks, agreement and progress notes, for subject-access export and erasure. */
@ApplicationScoped
public class GoalsSection implements PersonalDataSection {

    @Override
    public String name() {
        return "goals";
    }

    @Override
    public Object export(UUID clientId) {
        return Goal.ofClient(clientId).stream().map(GoalsSection::goal).toList();
    }

    /** Progress notes and goals go entirely: the statement and notes are the client's health information. */
    @Override
    public void erase(UUID clientId) {
        GoalProgress.delete("clientId", clientId);
        // One by one, so Hibernate also removes each goal's tasks and agreement rows.
        Goal.ofClient(clientId).forEach(Goal::delete);
    }

    private static Map<String, Object> goal(Goal g) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", g.id.toString());
        row.put("statement", g.statement);
        row.put("status", g.status.wire());
        row.put("tasks", List.copyOf(g.tasks));
        row.put("agreedBy", g.agreedBy.stream().sorted().toList());
        row.put("targetDate", text(g.targetDate));
        row.put("progressPercent", g.progressPercent);
        row.put("achievedOn", text(g.achievedOn));
        row.put("setBy", g.setBy);
        row.put("setAt", text(g.setAt));
        row.put("updatedBy", g.updatedBy);
        row.put("updatedAt", text(g.updatedAt));
        row.put("progress", GoalProgress.ofGoal(g.id).stream().map(GoalsSection::progress).toList());
        return row;
    }

    private static Map<String, Object> progress(GoalProgress p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id.toString());
        row.put("notedOn", text(p.notedOn));
        row.put("note", p.note);
        row.put("progressPercent", p.progressPercent);
        row.put("authorId", p.authorId);
        row.put("recordedAt", text(p.recordedAt));
        return row;
    }
}
