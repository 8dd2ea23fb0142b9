package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.DevTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each demo client a weekly series with their first professional: twelve weeks of history and
 * four ahead. The history mixes attendance with lateness and missed sessions, more of both for a few
 * clients whose engagement is slipping; some upcoming sessions are cancelled by the client or, at
 * short notice, by the professional. Fixed patterns, so every run shows the same picture.
 * <p>
 * Two steps: {@link #book} books every series and plans what happened to each session, and
 * {@link #recordOutcomes} records it. The alliance history is loaded in between, so the withdrawal
 * signals that attendance raises land on top of the ratings, as the latest news of each relationship.
 */
final class DemoSessions {

    /** What happened to a booked session (or will happen: upcoming ones stay scheduled unless cancelled). */
    enum Outcome { ATTENDED, MISSED, CANCELLED_BY_CLIENT, CANCELLED_BY_PROFESSIONAL, UPCOMING }

    record PlannedSession(String id, Instant start, Outcome outcome, int minutesLate) {
        Instant end() {
            return start.plus(SESSION_LENGTH);
        }
    }

    static final Duration SESSION_LENGTH = Duration.ofMinutes(50);

    /** One client's weekly series with their first professional, in date order. */
    record BookedSeries(DemoData.CreatedClient client, DemoUser caseManager, DemoUser professional,
                        List<PlannedSession> sessions) {
        List<PlannedSession> attended() {
            return sessions.stream().filter(s -> s.outcome() == Outcome.ATTENDED).toList();
        }
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int WEEKS_BEHIND = 12;
    private static final int WEEKS_AHEAD = 4;

    private final DemoApi sessions;
    private final DemoApi clients;
    private final Map<String, Integer> slotsTaken = new HashMap<>();

    DemoSessions(DevTokenIssuer issuer, String sessionServiceUrl, String clientServiceUrl) {
        this.sessions = new DemoApi(issuer, sessionServiceUrl);
        this.clients = new DemoApi(issuer, clientServiceUrl);
    }

    /** Books each client's series; nothing has happened to the sessions yet. */
    List<BookedSeries> book(List<DemoData.CreatedClient> created) throws IOException, InterruptedException {
        List<BookedSeries> booked = new ArrayList<>();
        for (int index = 0; index < created.size(); index++) {
            DemoData.CreatedClient client = created.get(index);
            DemoUser caseManager = DemoUsers.byUsername(client.caseManager()).orElseThrow();
            DemoUser professional = firstProfessional(caseManager, client.id());
            if (professional == null) {
                continue;
            }
            awaitReadModel(caseManager, client.id());
            booked.add(seriesFor(client, caseManager, professional, index));
        }
        return booked;
    }

    /** Records attendance, lateness, missed sessions and cancellations as planned; @return how many sessions there are */
    int recordOutcomes(List<BookedSeries> booked) throws IOException, InterruptedException {
        int sessionCount = 0;
        for (BookedSeries series : booked) {
            for (PlannedSession session : series.sessions()) {
                String path = "/api/v1/sessions/" + session.id();
                switch (session.outcome()) {
                    case ATTENDED -> sessions.post(series.professional(), path + "/attendance",
                            Map.of("minutesLate", session.minutesLate()));
                    case MISSED -> sessions.post(series.professional(), path + "/missed", Map.of());
                    case CANCELLED_BY_PROFESSIONAL -> sessions.post(series.caseManager(), path + "/cancellation",
                            Map.of("by", "professional", "reason", "practitioner-unwell"));
                    case CANCELLED_BY_CLIENT -> sessions.post(series.caseManager(), path + "/cancellation",
                            Map.of("by", "client", "reason", "hospital-appointment"));
                    case UPCOMING -> { }
                }
            }
            sessionCount += series.sessions().size();
        }
        return sessionCount;
    }

    /**
     * The client's therapist, or else their support worker. Members who joined on the same day come back in no
     * particular order, so the role decides, not the position.
     */
    private DemoUser firstProfessional(DemoUser caseManager, String clientId) throws IOException, InterruptedException {
        JsonNode circle = clients.get(caseManager, "/api/v1/clients/" + clientId + "/care-circle");
        for (String wanted : List.of("therapist", "support-worker")) {
            for (JsonNode member : circle) {
                if (member.path("role").asText().equals(wanted)) {
                    String userId = member.path("userId").asText();
                    return DemoUsers.ALL.stream().filter(u -> u.userId().equals(userId)).findFirst().orElse(null);
                }
            }
        }
        return null;
    }

    /** session-service learns about the client and its care circle from events; wait until it has. */
    private void awaitReadModel(DemoUser caseManager, String clientId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (sessions.status(caseManager, "/api/v1/sessions/clients/" + clientId) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IOException("session-service did not learn about client " + clientId + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private BookedSeries seriesFor(DemoData.CreatedClient client, DemoUser caseManager, DemoUser professional, int index)
            throws IOException, InterruptedException {
        // Each professional's clients get their own weekday and hour, so nothing double-books.
        int slot = slotsTaken.merge(professional.userId(), 1, Integer::sum) - 1;
        LocalDate firstDay = LocalDate.now(LONDON).minusWeeks(WEEKS_BEHIND)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(slot % 5);
        LocalTime time = LocalTime.of(9 + (slot / 5) * 2, 0);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("clientId", client.id());
        first.put("professionalIds", List.of(professional.userId()));
        first.put("type", professional.roles().contains("therapist") ? "therapy" : "case-management-visit");
        first.put("start", LocalDateTime.of(firstDay, time).toString());
        first.put("end", LocalDateTime.of(firstDay, time.plus(SESSION_LENGTH)).toString());
        first.put("timeZone", LONDON.getId());
        first.put("location", "Home visit");
        JsonNode series = sessions.post(caseManager, "/api/v1/sessions/series",
                Map.of("first", first, "rrule", "FREQ=WEEKLY;COUNT=" + (WEEKS_BEHIND + WEEKS_AHEAD)));

        boolean slipping = index % 4 == 1;
        int week = 0;
        boolean cancelledAhead = false;
        List<PlannedSession> planned = new ArrayList<>();
        for (JsonNode session : series.path("sessions")) {
            String id = session.path("id").asText();
            Instant start = OffsetDateTime.parse(session.path("start").asText()).toInstant();
            if (start.isBefore(Instant.now())) {
                if (slipping && (week == WEEKS_BEHIND - 4 || week == WEEKS_BEHIND - 2)) {
                    planned.add(new PlannedSession(id, start, Outcome.MISSED, 0));
                } else {
                    int minutesLate = slipping && week >= WEEKS_BEHIND - 5 ? 15 + week : (week % 5 == 3 ? 10 : 0);
                    planned.add(new PlannedSession(id, start, Outcome.ATTENDED, minutesLate));
                }
            } else if (!cancelledAhead && index % 3 == 0) {
                boolean byProfessional = index % 2 == 0;
                planned.add(new PlannedSession(id, start,
                        byProfessional ? Outcome.CANCELLED_BY_PROFESSIONAL : Outcome.CANCELLED_BY_CLIENT, 0));
                cancelledAhead = true;
            } else {
                planned.add(new PlannedSession(id, start, Outcome.UPCOMING, 0));
            }
            week++;
        }
        return new BookedSeries(client, caseManager, professional, planned);
    }
}
