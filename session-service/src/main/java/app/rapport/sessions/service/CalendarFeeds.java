package app.rapport.sessions.service;

import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.sessions.domain.CalendarFeed;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import app.rapport.sessions.domain.SessionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each professional's private iCalendar feed. The URL carries a random secret (only its hash is
 * stored); issuing a new one revokes the old. Events show the session type and the client's
 * reference, never a name, an address or a link, because a feed URL can travel further than intended.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration PAST = Duration.ofDays(90);
    private static final Duration AHEAD = Duration.ofDays(400);

    @Inject
    Caller caller;

    /** @return the new secret token (shown once) */
    @Transactional
    public String issue() {
        revokeActive();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.professionalId = caller.userId();
        feed.tokenHash = hash(token);
        feed.createdAt = Instant.now();
        feed.persist();
        return token;
    }

    @Transactional
    public boolean revoke() {
        return revokeActive() > 0;
    }

    private int revokeActive() {
        List<CalendarFeed> active = CalendarFeed.list("professionalId = ?1 and revokedAt is null", caller.userId());
        active.forEach(feed -> feed.revokedAt = Instant.now());
        CalendarFeed.flush();
        return active.size();
    }

    @Transactional
    public String render(String token) {
        CalendarFeed feed = CalendarFeed.<CalendarFeed>find("tokenHash = ?1 and revokedAt is null", hash(token))
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Calendar feed"));
        Instant now = Instant.now();
        List<Session> sessions = Session.list("""
                        select s from Session s join s.professionals p
                        where p.userId = ?1 and s.startsAt >= ?2 and s.startsAt < ?3 order by s.startsAt, s.id""",
                feed.professionalId, now.minus(PAST), now.plus(AHEAD));
        Map<UUID, String> references = sessions.stream().map(s -> s.clientId).distinct()
                .collect(Collectors.toMap(id -> id, id -> CareClient.<CareClient>findByIdOptional(id)
                        .map(c -> c.clientReference).orElse("client")));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Rapport//session-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:Rapport sessions");
        String stamp = UTC.format(now.truncatedTo(ChronoUnit.SECONDS));
        for (Session s : sessions) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + s.id + "@rapport");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART:" + UTC.format(s.startsAt));
            line(ics, "DTEND:" + UTC.format(s.endsAt));
            line(ics, "SUMMARY:" + text(label(s.type) + " · " + references.get(s.clientId)));
            line(ics, "STATUS:" + (s.status == SessionStatus.CANCELLED || s.status == SessionStatus.RESCHEDULED
                    ? "CANCELLED" : "CONFIRMED"));
            if (s.status == SessionStatus.RESCHEDULED) {
                line(ics, "DESCRIPTION:" + text("Moved to another time"));
            }
            line(ics, "TRANSP:" + (s.status.holdsTime() ? "OPAQUE" : "TRANSPARENT"));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String label(SessionType type) {
        return switch (type) {
            case THERAPY -> "Therapy";
            case CASE_MANAGEMENT_VISIT -> "Case-management visit";
            case MDT_MEETING -> "MDT meeting";
            case REVIEW -> "Review";
            case OTHER -> "Session";
        };
    }

    /** RFC 5545 TEXT escaping. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, with CRLF, as RFC 5545 requires. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            // Never split a UTF-8 sequence.
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
