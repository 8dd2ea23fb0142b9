package app.rapport.clients.rest;

import app.rapport.clients.support.Fixtures;
import app.rapport.clients.support.DemoDirectory;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.EventCodec;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.Topic;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.devkit.testing.ContractVerifier;
import app.rapport.devkit.testing.TopicReader;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CareCircleResourceTest {

    @BeforeEach
    void directory() {
        DemoDirectory.ensureLoaded();
    }

    @Test
    void aTherapistWhoJoinsSeesTheClientAndStopsSeeingThemOnLeaving() throws Exception {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Grace", "Adeyemi");
        as(DemoUsers.THEO).get("/api/v1/clients/" + client).then().statusCode(404);

        UUID member = Fixtures.addToCircle(DemoUsers.ALICE, client, DemoUsers.THEO, "therapist");
        as(DemoUsers.THEO).get("/api/v1/clients/" + client).then().statusCode(200);
        as(DemoUsers.THEO).get("/api/v1/clients?size=200").then().body("items.id", hasItem(client.toString()));
        as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle").then().statusCode(200)
                .body("find { it.id == '" + member + "' }.discipline", equalTo("physiotherapy"))
                .body("find { it.id == '" + member + "' }.displayName", equalTo(DemoUsers.THEO.name()));

        as(DemoUsers.ALICE).body("{}").post("/api/v1/clients/" + client + "/care-circle/" + member + "/end")
                .then().statusCode(200).body("active", equalTo(false)).body("leftOn", equalTo(CareDays.today().toString()));
        as(DemoUsers.THEO).get("/api/v1/clients/" + client).then().statusCode(404);

        List<EventEnvelope> events = eventsFor(client, 4);
        assertEquals(List.of(EventType.CLIENT_REGISTERED.typeName(), EventType.CARETEAM_MEMBER_JOINED.typeName(),
                EventType.CARETEAM_MEMBER_JOINED.typeName(), EventType.CARETEAM_MEMBER_LEFT.typeName()),
                events.stream().map(EventEnvelope::type).toList());
        MemberJoined caseManager = events.get(1).dataAs(MemberJoined.class);
        assertEquals(DemoUsers.ALICE.userId(), caseManager.userId(), "the registering case manager's membership is announced too");
        assertEquals(CareTeamRole.CASE_MANAGER, caseManager.role());
        MemberJoined joined = events.get(2).dataAs(MemberJoined.class);
        assertEquals(DemoUsers.THEO.userId(), joined.userId());
        assertEquals(CareTeamRole.THERAPIST, joined.role());
        assertEquals(member, events.get(3).dataAs(MemberLeft.class).memberId());
    }

    @Test
    void familyMembersAreRecordedByNameAndRelationship() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Priya", "Raman");
        as(DemoUsers.ALICE).body(Map.of("role", "family", "displayName", "Meena Raman", "relationship", "sister",
                        "phone", "07700 900456"))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(201)
                .body("relationship", equalTo("sister")).body("userId", equalTo(null));
        as(DemoUsers.ALICE).body(Map.of("role", "family", "displayName", "Meena Raman"))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400)
                .body("errors[0].field", equalTo("relationship"));
    }

    @Test
    void refusalsNameTheProblemAndChangeNothing() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Owen", "Pritchard");
        Fixtures.addToCircle(DemoUsers.ALICE, client, DemoUsers.THEO, "therapist");

        // Twice in the circle.
        as(DemoUsers.ALICE).body(Map.of("role", "therapist", "userId", DemoUsers.THEO.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(DemoUsers.THEO.name()));
        // A role that is not theirs, someone not in the directory, a role that does not exist.
        as(DemoUsers.ALICE).body(Map.of("role", "support-worker", "userId", DemoUsers.THEO.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400).body("errors[0].field", equalTo("role"));
        as(DemoUsers.ALICE).body(Map.of("role", "therapist", "userId", "nobody-we-know"))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400).body("errors[0].field", equalTo("userId"));
        as(DemoUsers.ALICE).body(Map.of("role", "wizard", "userId", DemoUsers.THEO.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400).body("errors[0].field", equalTo("role"));
        // Joining in the future.
        as(DemoUsers.ALICE).body(Map.of("role", "support-worker", "userId", DemoUsers.SAM.userId(),
                        "joinedOn", CareDays.today().plusDays(3).toString()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(400).body("errors[0].field", equalTo("joinedOn"));

        as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle").then().body("", hasSize(2));
    }

    @Test
    void aMembershipEndsOnceAndTheLastCaseManagerStays() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Mei", "Chen");
        String caseManager = as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle")
                .then().extract().path("find { it.role == 'case-manager' }.id");
        as(DemoUsers.ALICE).body("{}").post("/api/v1/clients/" + client + "/care-circle/" + caseManager + "/end")
                .then().statusCode(409).body("type", containsString("last-case-manager"));

        UUID therapist = Fixtures.addToCircle(DemoUsers.ALICE, client, DemoUsers.THEO, "therapist");
        String end = "/api/v1/clients/" + client + "/care-circle/" + therapist + "/end";
        as(DemoUsers.ALICE).body(Map.of("leftOn", CareDays.today().minusYears(1).toString())).post(end)
                .then().statusCode(400).body("errors[0].field", equalTo("leftOn"));
        as(DemoUsers.ALICE).body("{}").post(end).then().statusCode(200);
        as(DemoUsers.ALICE).body("{}").post(end).then().statusCode(409).body("type", containsString("membership-already-ended"));
        as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle?includePast=true").then().body("", hasSize(2));
        as(DemoUsers.ALICE).get("/api/v1/clients/" + client + "/care-circle").then().body("", hasSize(1));
    }

    @Test
    void onlyTheCaseTeamChangesTheCircle() {
        UUID client = Fixtures.register(DemoUsers.ALICE, "Siobhan", "O'Donnell");
        Fixtures.addToCircle(DemoUsers.ALICE, client, DemoUsers.THEO, "therapist");
        as(DemoUsers.THEO).body(Map.of("role", "support-worker", "userId", DemoUsers.SAM.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(403);
        as(DemoUsers.BILAL).body(Map.of("role", "support-worker", "userId", DemoUsers.SAM.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(404);
        as(DemoUsers.TARA).body(Map.of("role", "support-worker", "userId", DemoUsers.SAM.userId()))
                .post("/api/v1/clients/" + client + "/care-circle").then().statusCode(201);
    }

    private static List<EventEnvelope> eventsFor(UUID client, int count) throws Exception {
        try (TopicReader reader = new TopicReader(Topic.CLIENTS.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().filter(r -> r.key().equals(client.toString())).count() >= count, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> r.key().equals(client.toString())).toList();
            for (ConsumerRecord<String, byte[]> record : mine) {
                assertEquals(Set.of(), ContractVerifier.problems(record.value()), "every event matches the contract");
            }
            return mine.stream().map(r -> EventCodec.parse(r.value())).toList();
        }
    }
}
