package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.DevTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the demo clients an alliance history through alliance-service's API, recorded by the professionals
 * themselves: after attended sessions the client's session alliance check (in the client's language where the
 * measure has it: English, Urdu or Polish), sometimes answered through a one-time link on the client's phone;
 * now and then the therapist's reflective check-in; and the therapist's acknowledgements, repairs, markers and
 * closures. Case managers add a few ratings of their own relationship from their reviews.
 * <p>
 * Everything is dated when it happened, in date order: ratings, check-ins and markers just after the session they
 * belong to ({@code completedAt}, {@code observedAt}), case managers' reviews four weeks apart, so the client's alliance
 * chart shows weeks of history and episodes last as long as they did. What the API dates on arrival stays at the
 * time of loading: answers through one-time links (so only the latest session's rating may come through one),
 * acknowledgements, repairs and closures.
 * <p>
 * Each client's script is {@code alliance} in {@code demo/caseload.json}; one entry per attended session, holding
 * steps separated by spaces: {@code 36} the client's total (0–40), {@code L36} the same through a one-time link,
 * {@code c30} the therapist's check-in total, {@code acknowledge}, {@code repair:<strategy>}, {@code close},
 * {@code marker:<kind>}, {@code pending-link} (a link the client has not answered yet). A client whose script
 * names an {@code expect}ed outcome is checked afterwards, and a miss stops the launcher: the demo's stories are
 * only worth showing if they are really there.
 */
final class DemoAlliance {

    /** A client's alliance story, for the run summary. */
    record Story(DemoData.CreatedClient client, String story, String professional, String summary) {
    }

    private static final Set<String> MEASURE_LANGUAGES = Set.of("en", "ur", "pl");
    /** alliance-service has not yet consumed the booking of a session just made (see docs/alliance.md). */
    private static final String SESSION_NOT_YET_KNOWN = "urn:rapport:problem:session-not-known";
    private static final String CLIENT_MEASURE = "rapport-session-alliance-check";
    private static final String CLIENT_ITEMS = "bond goals approach overall";
    private static final String CHECK_IN_MEASURE = "rapport-reflective-check-in";
    private static final String CHECK_IN_ITEMS = "ease difficult-topics own-concerns working";
    private static final Set<String> OPEN = Set.of("detected", "acknowledged", "repair-recorded");
    private static final Map<String, String> REPAIR_NOTES = Map.of(
            "acknowledge-own-part", "I had pushed the exercise plan too fast after the last review; said so and we set "
                    + "the pace together.",
            "clarify-rationale", "Went back over why we start with pacing before exercise; agreed to try it for three weeks.",
            "explore-together", "Talked openly about how the last sessions felt; agreed to leave room at the start of each "
                    + "session for what matters that week.");

    private final DemoApi alliance;

    DemoAlliance(DevTokenIssuer issuer, String allianceServiceUrl) {
        this.alliance = new DemoApi(issuer, allianceServiceUrl);
    }

    /**
     * @param created the demo clients, in caseload-file order
     * @param booked their session series, none of them attended yet
     */
    List<Story> load(List<DemoData.CreatedClient> created, List<DemoSessions.BookedSeries> booked)
            throws IOException, InterruptedException {
        Map<String, DemoSessions.BookedSeries> seriesByClient = new LinkedHashMap<>();
        booked.forEach(series -> seriesByClient.put(series.client().id(), series));
        JsonNode scripts = DemoData.caseload().path("clients");
        List<Story> stories = new ArrayList<>();
        for (int index = 0; index < created.size(); index++) {
            DemoData.CreatedClient client = created.get(index);
            JsonNode demo = scripts.get(index);
            JsonNode script = demo.path("alliance");
            DemoUser caseManager = user(client.caseManager());
            String language = measureLanguage(demo.path("profile").path("preferredLanguage").asText("en"));
            awaitReadModel(caseManager, client.id());

            DemoSessions.BookedSeries series = seriesByClient.get(client.id());
            DemoUser therapist = series != null && series.professional().roles().contains("therapist")
                    ? series.professional() : null;
            if (therapist != null && script.has("sessions")) {
                awaitReadModel(therapist, client.id());
                new Pair(client.id(), therapist, language).play(script.path("sessions"), series.attended());
            }
            Pair caseManagerPair = new Pair(client.id(), caseManager, language);
            JsonNode reviews = script.path("reviews");
            for (int r = 0; r < reviews.size(); r++) {
                caseManagerPair.rate(Integer.parseInt(reviews.get(r).asText()), null, reviewDate(r, reviews.size()));
            }
            if (script.has("expect")) {
                check(client, caseManager, therapist, script.path("expect").asText());
            }
            stories.add(new Story(client, script.path("story").asText(),
                    therapist == null ? caseManager.username() : therapist.username(), script.path("summary").asText("")));
        }
        return stories;
    }

    /** One client–professional relationship, recorded as that professional. */
    private final class Pair {
        private final String clientId;
        private final DemoUser professional;
        private final String language;
        private final String base;
        private int answered;

        Pair(String clientId, DemoUser professional, String language) {
            this.clientId = clientId;
            this.professional = professional;
            this.language = language;
            this.base = "/api/v1/alliance/clients/" + clientId;
        }

        void play(JsonNode entries, List<DemoSessions.PlannedSession> attended) throws IOException, InterruptedException {
            if (entries.size() > attended.size()) {
                throw new IllegalStateException("The alliance script of client " + clientId + " has " + entries.size()
                        + " entries but only " + attended.size() + " sessions were attended");
            }
            for (int i = 0; i < entries.size(); i++) {
                DemoSessions.PlannedSession session = attended.get(i);
                boolean latest = i == entries.size() - 1;
                int minute = 0;
                for (String step : entries.get(i).asText().split(" ")) {
                    if (!step.isEmpty()) {
                        // A minute apart after the session ends, in script order; never later than now (a session under way).
                        Instant at = min(session.end().plus(Duration.ofMinutes(++minute)), Instant.now());
                        perform(step, session.id(), at, latest);
                    }
                }
            }
        }

        private void perform(String step, String sessionId, Instant at, boolean latest) throws IOException, InterruptedException {
            if (step.matches("\\d+")) {
                rate(Integer.parseInt(step), sessionId, at);
            } else if (step.matches("L\\d+")) {
                if (!latest) {
                    throw new IllegalStateException("Client " + clientId + "'s script answers a one-time link before the latest "
                            + "session; a link's answer is dated when it arrives, so it would land after the later ratings");
                }
                rateThroughLink(Integer.parseInt(step.substring(1)), sessionId);
            } else if (step.matches("c\\d+")) {
                checkIn(Integer.parseInt(step.substring(1)), sessionId, at);
            } else if (step.equals("acknowledge")) {
                alliance.post(professional, base + "/episodes/" + openEpisode() + "/acknowledge", Map.of());
            } else if (step.startsWith("repair:")) {
                String strategy = step.substring("repair:".length());
                alliance.post(professional, base + "/episodes/" + openEpisode() + "/repairs",
                        Map.of("strategy", strategy, "note", REPAIR_NOTES.getOrDefault(strategy, "Talked it through.")));
            } else if (step.equals("close")) {
                alliance.post(professional, base + "/episodes/" + openEpisode() + "/close", Map.of());
            } else if (step.startsWith("marker:")) {
                alliance.post(professional, base + "/markers", Map.of("kind", step.substring("marker:".length()),
                        "observedAt", at.toString()));
            } else if (step.equals("pending-link")) {
                alliance.postOnceCaughtUp(professional, base + "/feedback-links", Map.of("sessionId", sessionId),
                        SESSION_NOT_YET_KNOWN);
            } else {
                throw new IllegalArgumentException("Unknown alliance script step '" + step + "' for client " + clientId);
            }
        }

        /** The client fills in the check on the professional's tablet at the end of the session (or at a review). */
        void rate(int total, String sessionId, Instant at) throws IOException, InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("professionalId", professional.userId());
            body.put("measureId", CLIENT_MEASURE);
            body.put("answers", answers(CLIENT_ITEMS, total, answered++));
            body.put("language", language);
            body.put("completedAt", at.toString());
            if (sessionId != null) {
                body.put("sessionId", sessionId);
            }
            alliance.postOnceCaughtUp(professional, base + "/responses", body, SESSION_NOT_YET_KNOWN);
        }

        /** The professional sends a one-time link; the client opens it on their phone, in their language, and answers. */
        private void rateThroughLink(int total, String sessionId) throws IOException, InterruptedException {
            String token = alliance.postOnceCaughtUp(professional, base + "/feedback-links", Map.of("sessionId", sessionId),
                    SESSION_NOT_YET_KNOWN).path("token").asText();
            String shown = alliance.getWithoutToken("/api/v1/feedback/" + token).path("language").asText();
            if (!shown.equals(language)) {
                throw new IllegalStateException("The feedback link for client " + clientId + " opened in '" + shown
                        + "', not in the client's language '" + language + "'");
            }
            alliance.postWithoutToken("/api/v1/feedback/" + token, Map.of("answers", answers(CLIENT_ITEMS, total, answered++)));
        }

        private void checkIn(int total, String sessionId, Instant at) throws IOException, InterruptedException {
            alliance.postOnceCaughtUp(professional, base + "/responses", Map.of("measureId", CHECK_IN_MEASURE,
                    "sessionId", sessionId, "answers", answers(CHECK_IN_ITEMS, total, answered), "language", "en",
                    "completedAt", at.toString()), SESSION_NOT_YET_KNOWN);
        }

        private String openEpisode() throws IOException, InterruptedException {
            for (JsonNode episode : alliance.get(professional, base + "/episodes")) {
                if (episode.path("professionalId").asText().equals(professional.userId())
                        && OPEN.contains(episode.path("state").asText())) {
                    return episode.path("id").asText();
                }
            }
            throw new IllegalStateException("The alliance script of client " + clientId + " expects an open episode with "
                    + professional.username() + " here, and there is none");
        }
    }

    /** Reviews four weeks apart, the last a week ago: the case manager's pair is never overdue. */
    static Instant reviewDate(int index, int count) {
        return Instant.now().minus(Duration.ofDays(7L * (1 + 4L * (count - 1 - index))));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Four items on 0–10 adding up to {@code total}; which items get the odd points moves from one answer to the next. */
    static Map<String, Integer> answers(String items, int total, int turn) {
        String[] linkIds = items.split(" ");
        if (total < 0 || total > 10 * linkIds.length) {
            throw new IllegalArgumentException("A total of " + total + " is not possible on " + items);
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < linkIds.length; i++) {
            int extra = Math.floorMod(i - turn, linkIds.length) < total % linkIds.length ? 1 : 0;
            answers.put(linkIds[i], total / linkIds.length + extra);
        }
        return answers;
    }

    /** The story the script promised is what alliance-service now shows, in the episodes and in the caseload view. */
    private void check(DemoData.CreatedClient client, DemoUser caseManager, DemoUser therapist, String expected)
            throws IOException, InterruptedException {
        String who = client.givenName() + " " + client.familyName();
        if (therapist == null) {
            throw new IllegalStateException(who + " has an expected alliance story but no therapist");
        }
        List<JsonNode> episodes = new ArrayList<>();
        alliance.get(caseManager, "/api/v1/alliance/clients/" + client.id() + "/episodes").forEach(e -> {
            if (e.path("professionalId").asText().equals(therapist.userId())) {
                episodes.add(e);
            }
        });
        JsonNode status = caseloadEntry(caseManager, client.id());
        JsonNode pair = null;
        for (JsonNode p : status.path("pairs")) {
            if (p.path("professionalId").asText().equals(therapist.userId())) {
                pair = p;
            }
        }
        boolean open = episodes.stream().anyMatch(e -> OPEN.contains(e.path("state").asText()));
        boolean reached = switch (expected) {
            case "steady" -> episodes.isEmpty() && status.path("status").asText().equals("steady");
            case "resolved-after-repair" -> !open && status.path("status").asText().equals("steady")
                    && episodes.stream().anyMatch(e -> e.path("state").asText().equals("resolved")
                    && e.path("repaired").asBoolean() && e.hasNonNull("acknowledgedAt") && e.path("repairs").size() > 0);
            case "open-unrepaired" -> status.path("status").asText().equals("rupture-open")
                    && episodes.stream().anyMatch(e -> e.path("state").asText().equals("detected") && !e.path("repaired").asBoolean()
                    && hasSignal(e, "below-cut-off") && hasSignal(e, "drop-from-baseline"));
            case "discrepancy-open" -> status.path("status").asText().equals("rupture-open")
                    && episodes.stream().anyMatch(e -> OPEN.contains(e.path("state").asText()) && hasSignal(e, "rating-discrepancy"));
            case "overdue" -> status.path("feedbackOverdue").asBoolean() && pair != null && !pair.hasNonNull("latestTotal");
            default -> throw new IllegalArgumentException("Unknown expected alliance outcome '" + expected + "' for " + who);
        };
        if (!reached) {
            throw new IllegalStateException("The demo alliance story of " + who + " did not come out as '" + expected
                    + "': caseload entry " + status + ", episodes with " + therapist.username() + " " + episodes);
        }
    }

    private JsonNode caseloadEntry(DemoUser caseManager, String clientId) throws IOException, InterruptedException {
        for (JsonNode entry : alliance.get(caseManager, "/api/v1/alliance/caseload").path("clients")) {
            if (entry.path("clientId").asText().equals(clientId)) {
                return entry;
            }
        }
        throw new IllegalStateException("Client " + clientId + " is missing from " + caseManager.username() + "'s caseload");
    }

    private static boolean hasSignal(JsonNode episode, String kind) {
        for (JsonNode signal : episode.path("signals")) {
            if (signal.path("kind").asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** alliance-service learns about the client and its care circle from events; wait until this user may record. */
    private void awaitReadModel(DemoUser user, String clientId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (alliance.status(user, "/api/v1/alliance/clients/" + clientId + "/episodes") != 200) {
            if (System.nanoTime() > deadline) {
                throw new IOException("alliance-service did not learn that " + user.username() + " works with client "
                        + clientId + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    /** The measure is worded in English, Urdu and Polish; anyone else reads it in English. */
    private static String measureLanguage(String preferred) {
        String primary = preferred.split("-")[0];
        return MEASURE_LANGUAGES.contains(primary) ? primary : "en";
    }

    private static DemoUser user(String username) {
        return DemoUsers.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }
}
