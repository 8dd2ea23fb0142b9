package app.rapport.stack;

import app.rapport.stack.TestOrganisation.ClientFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static app.rapport.stack.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races decided by the database, over real HTTP to separate processes: many requests for one thing
 * sent at the same instant, exactly one may win.
 */
@ExtendWith(SystemPlatform.class)
@Order(30)
class ConcurrencySystemTest {

    private static final int ATTEMPTS = 24;

    private static TestOrganisation org;
    private static List<ClientFile> clients;

    @BeforeAll
    static void clientsOfOneTherapist() {
        org = TestOrganisation.create("race");
        clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ClientFile client = org.register(org.caseManager, "Racer" + i, "Client");
            org.addToCircle(client, org.caseManager, "therapist", org.therapist);
            clients.add(client);
        }
        clients.forEach(client -> org.awaitKnownEverywhere(client, org.therapist));
    }

    @Test
    void manyBookingsOfOneProfessionalsSlotExactlyOneWins() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.HOURS).plusDays(9);
        // The same therapist, for four different clients, at overlapping times: only one can stand.
        Api caseManager = Api.as(org.caseManager);
        List<Api.Reply> replies = race(attempt -> caseManager.post("/api/v1/sessions", object(
                "clientId", clients.get(attempt % clients.size()).id(),
                "professionalIds", List.of(org.therapist.userId()), "type", "therapy",
                "start", start.plusMinutes(attempt % 3 * 10).toString(),
                "end", start.plusMinutes(50 + attempt % 3 * 10).toString())));

        assertEquals(Map.of(201, 1L, 409, (long) ATTEMPTS - 1), countByStatus(replies), statuses(replies));
        for (Api.Reply refused : replies.stream().filter(r -> r.status() == 409).toList()) {
            assertEquals("urn:rapport:problem:double-booking", refused.json().path("type").asText(), refused.body());
            assertTrue(refused.body().contains(org.therapist.userId()), "names the professional: " + refused.body());
        }
        JsonNode diary = Api.as(org.therapist).get("/api/v1/sessions/diary?from=" + start.minusHours(1).atZone(ZoneId.of(
                "Europe/London")).toInstant() + "&to=" + start.plusHours(3).atZone(ZoneId.of("Europe/London")).toInstant())
                .expect(200).json();
        assertEquals(1, diary.size(), "one session in the therapist's diary: " + diary);
    }

    @Test
    void concurrentAnswersOnOneFeedbackLinkExactlyOneIsAccepted() throws Exception {
        String clientId = clients.get(0).id();
        String token = Api.as(org.therapist).post("/api/v1/alliance/clients/" + clientId + "/feedback-links", object())
                .expect(201).json().path("token").asText();

        Api client = Api.anonymous();
        List<Api.Reply> replies = race(attempt -> client.post("/api/v1/feedback/" + token,
                object("answers", Map.of("bond", attempt % 11, "goals", 7, "approach", 7, "overall", 7))));

        assertEquals(Map.of(201, 1L, 410, (long) ATTEMPTS - 1), countByStatus(replies), statuses(replies));
        JsonNode trend = Api.as(org.caseManager).get("/api/v1/alliance/clients/" + clientId + "/trend").expect(200).json();
        assertEquals(1, trend.path("pairs").get(0).path("clientRatings").size(), "one response recorded: " + trend);
    }

    /** Sends every attempt at the same moment from its own thread and returns the answers. */
    private static List<Api.Reply> race(IntFunction<Api.Reply> attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch ready = new CountDownLatch(ATTEMPTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> pending = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                int index = i;
                Callable<Api.Reply> call = () -> {
                    ready.countDown();
                    go.await();
                    return attempt.apply(index);
                };
                pending.add(threads.submit(call));
            }
            ready.await();
            go.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<Integer, Long> countByStatus(List<Api.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
    }

    private static String statuses(List<Api.Reply> replies) {
        return replies.stream().map(r -> r.status() + " " + r.body()).collect(Collectors.joining("\n"));
    }
}
