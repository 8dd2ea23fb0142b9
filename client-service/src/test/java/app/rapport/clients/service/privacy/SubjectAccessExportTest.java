package app.rapport.clients.service.privacy;

import app.rapport.contract.EventType;
import app.rapport.contract.client.SubjectAccessRequested;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static app.rapport.clients.support.Fixtures.OTHER_FIRM_SOLICITOR;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.firmActs;
import static app.rapport.clients.support.Fixtures.outboxEvents;
import static app.rapport.clients.support.Fixtures.publishedEvents;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SubjectAccessExportTest {

    @Inject
    Instance<PersonalDataSection> sections;

    @Test
    void theExportHoldsEverySectionAndAsksTheOtherServicesForTheirs() {
        String id = registerWithAlice("Lena", "Fischer");
        firmActs(id, "pre-action");
        as(DemoUsers.SOPHIE).body("{\"kind\":\"other\",\"occurredOn\":\"" + CareDays.today() + "\",\"note\":\"Letter of claim sent\"}")
                .post("/api/v1/clients/" + id + "/case/milestones").then().statusCode(201);

        var response = as(DemoUsers.ALICE).get("/api/v1/clients/" + id + "/export").then().statusCode(200)
                .header("Content-Disposition", matchesPattern("attachment; filename=\"rapport-subject-access-C-[0-9A-Z]{6}-\\d{4}-\\d{2}-\\d{2}\\.json\""))
                .header("Content-Disposition", not(containsString("Lena")))
                .extract();
        JsonPath export = response.jsonPath();

        assertEquals(id, export.getString("clientId"));
        Set<String> expected = StreamSupport.stream(sections.spliterator(), false).map(PersonalDataSection::name)
                .collect(Collectors.toSet());
        assertTrue(expected.containsAll(Set.of("profile", "case", "audit", "probe")), "sections found: " + expected);
        Map<String, Object> exported = export.getMap("sections");
        assertEquals(expected, exported.keySet());
        assertEquals("Lena", export.getString("sections.profile.givenName"));
        assertEquals("07700 900123", export.getString("sections.profile.phone"));
        assertEquals("Fractured wrist in a cycling collision", export.getString("sections.case.injuryContext"));
        assertEquals("Letter of claim sent", export.getString("sections.case.milestones[0].note"));
        assertTrue(export.getList("sections.audit.resource").contains("subject-access-export"),
                "the export's own access is in the audit section");
        assertEquals(id, export.getString("sections.probe.clientId"));

        SubjectAccessRequested data = publishedEvents(id, EventType.CLIENT_SUBJECT_ACCESS_REQUESTED, 1).get(0)
                .dataAs(SubjectAccessRequested.class);
        assertEquals(UUID.fromString(export.getString("requestId")), data.requestId());
        assertEquals(DemoUsers.ALICE.userId(), data.requestedBy());
        assertEquals(1, auditEntries(id, DemoUsers.ALICE.userId(), "read", "subject-access-export"));
    }

    @Test
    void onlyTheCaseTeamAndTheOrganisationsAdminMayExport() {
        String id = registerWithAlice("Mateo", "Rossi");
        firmActs(id, "pre-action");

        as(DemoUsers.OMAR).get("/api/v1/clients/" + id + "/export").then().statusCode(200);
        as(DemoUsers.BILAL).get("/api/v1/clients/" + id + "/export").then().statusCode(404).body(not(containsString("Mateo")));
        // The firm's solicitors see the client but are not who exports the client's data.
        as(DemoUsers.SOPHIE).get("/api/v1/clients/" + id + "/export").then().statusCode(403);
        as(OTHER_FIRM_SOLICITOR).get("/api/v1/clients/" + id + "/export").then().statusCode(403);
        assertEquals(1, outboxEvents(id, EventType.CLIENT_SUBJECT_ACCESS_REQUESTED));
    }
}
