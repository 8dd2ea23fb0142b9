package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static app.rapport.stack.Api.object;

/**
 * A case-management organisation of its own for one test class, registered through the public API
 * by its admin: two teams, a case manager in each, a team lead, two therapists and a support worker,
 * and a law firm with a solicitor and the firm's system. Fresh ids per instance keep test classes
 * that share one platform from seeing each other's clients, diaries or inboxes.
 */
final class TestOrganisation {

    /** A registered client as the tests need them. */
    record ClientFile(String id, String reference, String givenName, String familyName) {
        String path() {
            return "/api/v1/clients/" + id;
        }
    }

    final String id;
    final String teamA;
    final String teamB;
    final String lawFirm;
    final DemoUser admin;
    final DemoUser caseManager;
    final DemoUser otherCaseManager;
    final DemoUser teamLead;
    final DemoUser therapist;
    final DemoUser otherTherapist;
    final DemoUser supportWorker;
    final DemoUser solicitor;
    final DemoUser firmSystem;

    private TestOrganisation(String tag) {
        String suffix = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        id = "org-" + suffix;
        teamA = "team-a-" + suffix;
        teamB = "team-b-" + suffix;
        lawFirm = "firm-" + suffix;
        admin = person("admin", "org-admin", id, List.of());
        caseManager = person("casemanager", "case-manager", id, List.of(teamA));
        otherCaseManager = person("othercm", "case-manager", id, List.of(teamB));
        teamLead = person("lead", "team-lead", id, List.of(teamA));
        therapist = person("therapist", "therapist", id, List.of(teamA));
        otherTherapist = person("othertherapist", "therapist", id, List.of(teamA));
        supportWorker = person("support", "support-worker", id, List.of(teamA));
        solicitor = person("solicitor", "solicitor", lawFirm, List.of());
        firmSystem = person("firmsystem", "solicitor-system", lawFirm, List.of());
    }

    /** Registers the organisation, its teams, its people and the law firm. */
    static TestOrganisation create(String tag) {
        TestOrganisation org = new TestOrganisation(tag);
        org.register();
        return org;
    }

    private static DemoUser person(String role, String group, String organisation, List<String> teams) {
        String userId = UUID.randomUUID().toString();
        String username = role + "-" + userId.substring(0, 6);
        return new DemoUser(username, userId, "Test " + capitalise(role) + " " + userId.substring(0, 4),
                username + "@" + organisation + ".example", List.of(group), organisation, teams);
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** One more professional of this organisation, in the directory. */
    DemoUser colleague(String label, String role, String team) {
        DemoUser person = person(label, role, id, List.of(team));
        Api.as(admin).put("/api/v1/organisations/" + id + "/professionals", professional(person)).expect(200);
        return person;
    }

    List<DemoUser> staff() {
        return List.of(caseManager, otherCaseManager, teamLead, therapist, otherTherapist, supportWorker);
    }

    private void register() {
        Api admin = Api.as(this.admin);
        String org = "/api/v1/organisations/" + id;
        admin.put(org, object("name", "Organisation " + id, "kind", "case-management")).expect(200);
        admin.put("/api/v1/organisations/" + lawFirm, object("name", "Firm " + lawFirm, "kind", "law-firm")).expect(200);
        admin.put(org + "/teams/" + teamA, object("name", "Team A")).expect(200);
        admin.put(org + "/teams/" + teamB, object("name", "Team B")).expect(200);
        for (DemoUser person : staff()) {
            admin.put(org + "/professionals", professional(person)).expect(200);
        }
        admin.put("/api/v1/organisations/" + lawFirm + "/professionals", professional(solicitor)).expect(200);
    }

    private static Map<String, Object> professional(DemoUser person) {
        return object("userId", person.userId(), "displayName", person.name(), "role", person.roles().get(0),
                "email", person.email(), "teamIds", person.teamIds());
    }

    /** Registers a client with the case manager, who joins the care circle. */
    ClientFile register(DemoUser caseManager, String givenName, String familyName) {
        JsonNode created = Api.as(caseManager).post("/api/v1/clients", object("givenName", givenName, "familyName", familyName,
                "dateOfBirth", "1984-03-09", "preferredLanguage", "en")).expect(201).json();
        return new ClientFile(created.path("id").asText(), created.path("reference").asText(), givenName, familyName);
    }

    /** Adds a professional to the care circle; returns the member id. */
    String addToCircle(ClientFile client, DemoUser by, String role, DemoUser member) {
        return Api.as(by).post(client.path() + "/care-circle", object("role", role, "userId", member.userId()))
                .expect(201).json().path("id").asText();
    }

    /** Names the law firm on the case, which opens the claim (and its legal hold). */
    void openClaim(ClientFile client, DemoUser by) {
        Api.as(by).put(client.path() + "/case", object("referralSource", "Insurer", "firmId", lawFirm,
                "solicitorReference", "REF-" + client.reference(), "litigationStage", "proceedings-issued")).expect(200);
    }

    void consent(ClientFile client, DemoUser by, String category, String recipientRole, String decision) {
        Api.as(by).post(client.path() + "/consent", object("category", category, "recipientRole", recipientRole,
                "decision", decision)).expect(201);
    }

    /** A client with this organisation's case manager, therapist and support worker in the circle. */
    ClientFile clientWithCircle(String givenName, String familyName) {
        ClientFile client = register(caseManager, givenName, familyName);
        addToCircle(client, caseManager, "therapist", therapist);
        addToCircle(client, caseManager, "support-worker", supportWorker);
        return client;
    }

    /** Waits until session-service and alliance-service have learned the client and its circle from events. */
    void awaitKnownEverywhere(ClientFile client, DemoUser member) {
        awaitStatus(() -> Api.as(member).get("/api/v1/sessions/clients/" + client.id()).status(), 200,
                "session-service to learn client " + client.id());
        if (!member.roles().contains("support-worker")) {
            awaitStatus(() -> Api.as(member).get("/api/v1/alliance/clients/" + client.id() + "/episodes").status(), 200,
                    "alliance-service to learn client " + client.id());
        }
    }

    static void awaitStatus(Supplier<Integer> status, int expected, String what) {
        await(() -> status.get() == expected, Duration.ofSeconds(90), what);
    }

    /** Polls until the condition holds; fails naming what was awaited. */
    static void await(Supplier<Boolean> condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every notification in a user's inbox (archive excluded), newest first. */
    static List<JsonNode> inbox(DemoUser user) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = Api.as(user).get("/api/v1/notifications/inbox?size=100&page=" + page).expect(200).json();
            answer.path("items").forEach(items::add);
            if (answer.path("items").size() < 100) {
                return items;
            }
        }
    }

    static List<JsonNode> inbox(DemoUser user, String clientId, String eventType) {
        return inbox(user).stream().filter(n -> n.path("clientId").asText().equals(clientId)
                && n.path("eventType").asText().equals(eventType)).toList();
    }

    static DemoUser outsider(String role) {
        return new DemoUser("outsider-" + role, UUID.randomUUID().toString(), "Outside Person", "outsider@elsewhere.example",
                List.of(role), "org-elsewhere", List.of("team-elsewhere"));
    }

}
