package app.rapport.sessions.rest;

import app.rapport.sessions.access.Access;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import app.rapport.sessions.domain.SessionType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A session as the caller may see it. Times are given with their offset in the session's zone and as
 * wall-clock time. Solicitors see when and whether, not where ({@code location} and {@code remoteLink} left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(UUID id, UUID clientId, UUID seriesId, UUID rescheduledFrom, SessionType type,
                          SessionStatus status, OffsetDateTime start, OffsetDateTime end, String timeZone,
                          LocalDateTime localStart, LocalDateTime localEnd, List<String> professionalIds, String location,
                          String remoteLink, String language, Boolean interpreter, Integer minutesLate, String cancelledBy,
                          String reasonCode, Double hoursNotice, long version) {

    public static SessionView of(Session s, Access access) {
        ZoneId zone = ZoneId.of(s.timeZone);
        boolean full = access == null || !access.scheduleOnly();
        return new SessionView(s.id, s.clientId, s.seriesId, s.rescheduledFrom, s.type, s.status,
                s.startsAt.atZone(zone).toOffsetDateTime(), s.endsAt.atZone(zone).toOffsetDateTime(), s.timeZone,
                s.startsAt.atZone(zone).toLocalDateTime(), s.endsAt.atZone(zone).toLocalDateTime(), s.professionalIds(),
                full ? s.location : null, full ? s.remoteLink : null, s.language, s.interpreter, s.minutesLate,
                s.cancelledBy, s.reasonCode, s.hoursNotice, s.version);
    }
}
