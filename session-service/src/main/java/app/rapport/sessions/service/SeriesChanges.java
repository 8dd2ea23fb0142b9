package app.rapport.sessions.service;

import app.rapport.platform.problem.ProblemException;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.domain.Series;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Changes to a series from a date on; each changed occurrence publishes its own event. Occurrences before that date,
 * and occurrences that are already attended, cancelled or missed, are always left alone. A retime also leaves alone
 * the occurrences that were moved on their own (someone chose their time); cancelling the series from a date ends
 * those too, because the series ends as a whole.
 */
@ApplicationScoped
public class SeriesChanges {

    public record CancelFrom(@NotNull LocalDate from,
                             @NotNull @Pattern(regexp = "client|professional", message = "must be client or professional") String by,
                             @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a reason code such as ending") String reason) {
    }

    /** New wall-clock times (in the series' zone) for every remaining occurrence from {@code from}. */
    public record RetimeFrom(@NotNull LocalDate from, @NotNull LocalTime start, @NotNull LocalTime end) {
    }

    @Inject
    SessionAccess access;

    @Inject
    Transitions transitions;

    @Transactional
    public List<Session> cancelFrom(UUID seriesId, CancelFrom request) {
        return scheduledFrom(seriesId, request.from()).stream()
                .map(s -> transitions.cancel(s.id, new Transitions.Cancellation(request.by(), request.reason())))
                .toList();
    }

    @Transactional
    public List<Session> retimeFrom(UUID seriesId, RetimeFrom request) {
        Series series = Series.findById(seriesId);
        List<Session> following = scheduledFrom(seriesId, request.from()).stream().filter(s -> !s.movedOnItsOwn).toList();
        ZoneId zone = ZoneId.of(series.timeZone);
        return following.stream().map(s -> {
            LocalDate day = s.startsAt.atZone(zone).toLocalDate();
            // Retiming the rest of a series is a change of plan, not one party asking to move one session.
            return transitions.rescheduleWithSeries(s.id, new Transitions.Move(day.atTime(request.start()), day.atTime(request.end()),
                    series.timeZone, null));
        }).toList();
    }

    private List<Session> scheduledFrom(UUID seriesId, LocalDate from) {
        Series series = Series.<Series>findByIdOptional(seriesId).orElseThrow(() -> ProblemException.notFound("Series " + seriesId));
        access.require(series.clientId, Permission.SCHEDULE_WRITE, "Series " + seriesId);
        ZoneId zone = ZoneId.of(series.timeZone);
        return Session.list("seriesId = ?1 and status = ?2 and startsAt >= ?3 order by startsAt",
                seriesId, SessionStatus.SCHEDULED, from.atStartOfDay(zone).toInstant());
    }
}
