package app.rapport.stack.bench;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.DemoApi;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Books a daily series of 100 half-hour sessions per client with one professional, all starting at
 * least three days ahead (so a cancellation by the professional is not short notice and raises no
 * rupture signal). Each client gets its own hour of the day, and every sixteen clients the next
 * 100 days, so the professional is never double-booked. One series at a time: each is one
 * transaction, and several at once only compete for the same cores.
 */
final class BookedSessions {

    static final int PER_SERIES = 100;
    private static final int FIRST_HOUR = 6;
    private static final int HOURS = 16; // 06:00 to 21:30, clear of the hour the clocks skip
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private BookedSessions() {
    }

    /** @return the ids of every session booked, series by series */
    static List<String> book(Caseloads caseloads, DemoUser caseManager, DemoUser professional, List<String> clientIds)
            throws Exception {
        DemoApi sessions = caseloads.api("session-service");
        LocalDate firstDay = LocalDate.now(LONDON).plusDays(3);
        List<String> all = new ArrayList<>();
        for (int index = 0; index < clientIds.size(); index++) {
            String clientId = clientIds.get(index);
            LocalDate day = firstDay.plusDays((long) (index / HOURS) * PER_SERIES);
            LocalTime time = LocalTime.of(FIRST_HOUR + index % HOURS, 0);
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("clientId", clientId);
            first.put("professionalIds", List.of(professional.userId()));
            first.put("type", "therapy");
            first.put("start", LocalDateTime.of(day, time).toString());
            first.put("end", LocalDateTime.of(day, time.plusMinutes(30)).toString());
            first.put("timeZone", LONDON.getId());
            JsonNode booked = sessions.post(caseManager, "/api/v1/sessions/series",
                    Map.of("first", first, "rrule", "FREQ=DAILY;COUNT=" + PER_SERIES));
            booked.path("sessions").forEach(session -> all.add(session.path("id").asText()));
        }
        return all;
    }
}
