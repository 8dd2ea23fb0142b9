package app.rapport.sessions.service;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventType;
import app.rapport.contract.session.SessionScheduled;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.sessions.access.Permission;
import app.rapport.sessions.access.SessionAccess;
import app.rapport.sessions.config.SessionsConfig;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.CareMember;
import app.rapport.sessions.domain.Series;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import app.rapport.sessions.domain.SessionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.model.Recur;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Books one-off sessions and recurring series. Every booking publishes session.scheduled. */
@ApplicationScoped
public class Scheduling {

    private static final Set<CareTeamRole> PROFESSIONAL_ROLES = Set.of(CareTeamRole.CASE_MANAGER, CareTeamRole.THERAPIST,
            CareTeamRole.SUPPORT_WORKER);

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    SessionTimes times;

    @Inject
    Bookings bookings;

    @Inject
    OutboxWriter outbox;

    @Inject
    SessionsConfig config;

    @Transactional
    public Session book(SessionRequest request) {
        access.require(request.clientId(), Permission.SCHEDULE_WRITE);
        List<String> professionals = professionals(request);
        ZoneId zone = times.zone(request.timeZone());
        SessionTimes.Slot slot = times.slot(request.start(), request.end(), zone, "");
        bookings.refuseClashes(professionals, slot.start().toInstant(), slot.end().toInstant(), "");
        Session session = create(request, professionals, slot.start(), slot.end(), zone, null);
        bookings.save(session, "");
        publishScheduled(session);
        return session;
    }

    public record BookedSeries(Series series, List<Session> sessions) {
    }

    /** Books every occurrence, or nothing: one clash or one broken limit refuses the whole series. */
    @Transactional
    public BookedSeries bookSeries(SeriesRequest request) {
        SessionRequest first = request.first();
        access.require(first.clientId(), Permission.SCHEDULE_WRITE);
        List<String> professionals = professionals(first);
        ZoneId zone = times.zone(first.timeZone());
        SessionTimes.Slot slot = times.slot(first.start(), first.end(), zone, "first.");
        List<ZonedDateTime> starts = occurrences(request.rrule().strip(), slot.start());

        Series series = new Series();
        series.id = UUID.randomUUID();
        series.clientId = first.clientId();
        series.rrule = request.rrule().strip();
        series.timeZone = zone.getId();
        series.createdBy = caller.userId();
        series.createdAt = Instant.now();
        series.persist();

        Duration length = slot.duration();
        List<Session> sessions = new ArrayList<>();
        for (ZonedDateTime start : starts) {
            ZonedDateTime end = start.plus(length);
            String occurrence = "(occurrence on " + start.toLocalDate() + ") ";
            bookings.refuseClashes(professionals, start.toInstant(), end.toInstant(), occurrence);
            Session session = create(first, professionals, start, end, zone, series.id);
            bookings.save(session, occurrence);
            sessions.add(session);
        }
        sessions.forEach(this::publishScheduled);
        return new BookedSeries(series, sessions);
    }

    /** Expands an RRULE from the first start, in the first start's zone, refusing rules without a sane end. */
    List<ZonedDateTime> occurrences(String rrule, ZonedDateTime seed) {
        RecurrenceRule rule = RecurrenceRule.parse(rrule);
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule.canonicalIn(seed.getZone()));
        } catch (RuntimeException e) {
            // Checked part by part already; the library's own text names its classes, so it is not shown.
            throw RecurrenceRule.refused("is not a valid RFC 5545 recurrence rule");
        }
        int max = config.series().maxOccurrences();
        ZonedDateTime horizon = seed.plus(config.series().horizon());
        Instant until = rule.until(seed.getZone());
        if (recur.getCount() < 1 && until == null) {
            throw RecurrenceRule.refused("never ends: give COUNT or UNTIL (at most " + max
                    + " occurrences, within " + config.series().horizon() + ")");
        }
        if (recur.getCount() > max) {
            throw RecurrenceRule.refused("COUNT=" + recur.getCount() + " is more than the " + max
                    + " occurrences a series may have");
        }
        if (until != null && until.isBefore(seed.toInstant())) {
            throw RecurrenceRule.refused("UNTIL is before the first session");
        }
        if (until != null && until.isAfter(horizon.toInstant())) {
            throw RecurrenceRule.refused("UNTIL is beyond the horizon of " + config.series().horizon()
                    + " from the first session");
        }
        List<ZonedDateTime> dates;
        try {
            dates = recur.getDates(seed, seed, horizon, max + 1);
        } catch (RuntimeException e) {
            throw RecurrenceRule.refused("cannot be expanded from the first session");
        }
        if (dates.size() > max) {
            throw RecurrenceRule.refused("would create more than " + max + " occurrences");
        }
        if (dates.isEmpty()) {
            throw RecurrenceRule.refused("creates no occurrence");
        }
        return dates;
    }

    private List<String> professionals(SessionRequest request) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.professionalIds()));
        if (ids.size() != request.professionalIds().size()) {
            throw ProblemException.invalidField("professionalIds", "names a professional twice");
        }
        for (String id : ids) {
            Optional<CareMember> member = CareMember.activeMembership(request.clientId(), id);
            if (member.isEmpty() || !PROFESSIONAL_ROLES.contains(member.get().role)) {
                throw new ProblemException(Problem.invalid("professionalIds: " + id
                        + " is not a case manager, therapist or support worker in this client's care circle",
                        List.of(new Problem.FieldError("professionalIds", id + " is not an active member of the client's care team"))));
            }
        }
        return ids;
    }

    /** A new scheduled session, not yet saved (see {@link Bookings#save}). */
    Session create(SessionRequest request, List<String> professionals, ZonedDateTime start, ZonedDateTime end, ZoneId zone,
                   UUID seriesId) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.clientId = request.clientId();
        session.seriesId = seriesId;
        session.type = SessionType.fromWire(request.type());
        session.status = SessionStatus.SCHEDULED;
        session.startsAt = start.toInstant();
        session.endsAt = end.toInstant();
        session.timeZone = zone.getId();
        session.location = blankToNull(request.location());
        session.remoteLink = blankToNull(request.remoteLink());
        session.language = blankToNull(request.language());
        session.interpreter = Boolean.TRUE.equals(request.interpreter());
        session.createdBy = caller.userId();
        session.createdAt = Instant.now();
        professionals.forEach(session::addProfessional);
        return session;
    }

    void publishScheduled(Session session) {
        CareClient client = CareClient.findById(session.clientId);
        outbox.append(EventType.SESSION_SCHEDULED, session.clientId, client == null ? null : client.organisationId,
                client == null ? null : client.teamId,
                new SessionScheduled(session.id, session.clientId, session.professionalIds(), session.type.wire(),
                        session.startsAt, session.endsAt, session.timeZone, session.seriesId, session.createdBy));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
