package app.rapport.clients.rest;

import app.rapport.clients.support.Fixtures;
import app.rapport.devkit.testing.HostForgeries;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.platform.time.CareDays;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import static app.rapport.clients.support.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every client-service operation that answers with an absolute URL (the {@code Location} of a 201) builds it from
 * the configured public base URL, whatever {@code Host}, {@code X-Forwarded-*} or {@code Forwarded} headers say.
 */
@QuarkusTest
class PublicUrlsTest {

    @ConfigProperty(name = "rapport.public.base-url")
    String base;

    private static final TokenSpec FIRM_SYSTEM = TokenSpec.of(DemoUsers.SOPHIE).withRoles("solicitor-system");

    /** An operation: makes its 201 (with the forgery applied) and says which path its Location must name. */
    private record Operation(String name, BiFunction<String, UnaryOperator<RequestSpecification>, Created> call) {
    }

    private record Created(Response response, String expectedPath) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("register a client", (client, forge) -> {
                Response r = forge.apply(as(DemoUsers.ALICE)).body(Map.of("givenName", "Ines", "familyName", "Okafor",
                        "dateOfBirth", "1984-03-09")).post("/api/v1/clients");
                return new Created(r, "/api/v1/clients/" + r.path("id"));
            }),
            new Operation("set a goal", (client, forge) -> {
                Response r = forge.apply(as(DemoUsers.ALICE)).body(Map.of("statement", "Walk to the shop again",
                        "agreedBy", List.of(DemoUsers.ALICE.userId())))
                        .post("/api/v1/clients/" + client + "/goals");
                return new Created(r, "/api/v1/clients/" + client + "/goals/" + r.path("id"));
            }),
            new Operation("add to the care circle", (client, forge) -> {
                Response r = forge.apply(as(DemoUsers.ALICE)).body(Map.of("role", "family", "displayName", "Ada Okafor",
                        "relationship", "sister")).post("/api/v1/clients/" + client + "/care-circle");
                return new Created(r, "/api/v1/clients/" + client + "/care-circle/" + r.path("id"));
            }),
            new Operation("record a litigation milestone", (client, forge) -> {
                Response r = forge.apply(as(FIRM_SYSTEM)).body(Map.of("kind", "interim-payment",
                        "occurredOn", CareDays.today().minusDays(1).toString()))
                        .post("/api/v1/clients/" + client + "/case/milestones");
                return new Created(r, "/api/v1/clients/" + client + "/case/milestones/" + r.path("id"));
            }));

    @Test
    void everyLocationStartsWithTheConfiguredBaseWhateverTheRequestSays() {
        String client = Fixtures.registerWithAlice("Ola", "Okafor");
        Fixtures.firmActs(client, "proceedings-issued");
        for (Operation operation : OPERATIONS) {
            for (int i = 0; i < HostForgeries.ALL.size(); i++) {
                Created created = operation.call().apply(client, HostForgeries.ALL.get(i));
                assertEquals(201, created.response().statusCode(), operation.name() + ": " + created.response().asString());
                assertEquals(base + created.expectedPath(), created.response().header("Location"),
                        operation.name() + " with forgery " + i);
            }
        }
    }
}
