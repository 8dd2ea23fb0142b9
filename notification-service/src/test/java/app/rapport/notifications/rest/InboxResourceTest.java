package app.rapport.notifications.rest;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.notifications.service.Delivery;
import app.rapport.notifications.service.InAppInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class InboxResourceTest {

    @Inject
    InAppInbox inbox;

    private UUID deliverTo(String recipientId) {
        UUID clientId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> inbox.deliver(new Delivery(UUID.randomUUID(), recipientId, clientId,
                "rapport.client.registered.v1", "Client C-TEST01 is now on your caseload", "/clients/" + clientId)));
        return clientId;
    }

    @Test
    void eachPersonSeesOnlyTheirOwnNotifications() {
        UUID forSam = deliverTo(DemoUsers.SAM.userId());

        given().auth().oauth2(Tokens.of(DemoUsers.SAM)).get("/api/v1/notifications/inbox")
                .then().statusCode(200).body("items.clientId", hasItem(forSam.toString()));
        given().auth().oauth2(Tokens.of(DemoUsers.THEO)).get("/api/v1/notifications/inbox")
                .then().statusCode(200).body("items.clientId", not(hasItem(forSam.toString())));
    }

    @Test
    void markingReadLowersTheUnreadCountAndOnlyWorksOnYourOwn() {
        deliverTo(DemoUsers.OMAR.userId());
        var before = given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/inbox")
                .then().statusCode(200).extract().jsonPath();
        String id = before.getString("items[0].id");
        int unread = before.getInt("unread");

        given().auth().oauth2(Tokens.of(DemoUsers.SOPHIE)).post("/api/v1/notifications/inbox/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).post("/api/v1/notifications/inbox/" + id + "/read")
                .then().statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/inbox")
                .then().statusCode(200).body("unread", equalTo(unread - 1));
    }

    @Test
    void archivingTakesAnItemOutOfTheInboxAndTheUnreadCountAndOnlyWorksOnYourOwn() {
        UUID client = deliverTo(DemoUsers.TARA.userId());
        var before = given().auth().oauth2(Tokens.of(DemoUsers.TARA)).get("/api/v1/notifications/inbox")
                .then().statusCode(200).extract().jsonPath();
        String id = before.getString("items.find { it.clientId == '" + client + "' }.id");
        int unread = before.getInt("unread");
        int total = before.getInt("total");

        given().auth().oauth2(Tokens.of(DemoUsers.ALICE)).post("/api/v1/notifications/inbox/" + id + "/archive")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).post("/api/v1/notifications/inbox/" + UUID.randomUUID() + "/archive")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).post("/api/v1/notifications/inbox/" + id + "/archive")
                .then().statusCode(200).body("archived", equalTo(true)).body("read", equalTo(true));
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).get("/api/v1/notifications/inbox")
                .then().statusCode(200)
                .body("unread", equalTo(unread - 1))
                .body("total", equalTo(total - 1))
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).get("/api/v1/notifications/inbox?archived=true")
                .then().statusCode(200).body("items.id", hasItem(id));
        // Archiving twice changes nothing more.
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).post("/api/v1/notifications/inbox/" + id + "/archive")
                .then().statusCode(200).body("archived", equalTo(true));
    }

    @Test
    void pagesAreNewestFirstAndCountTheWholeInbox() {
        String me = "paging-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            deliverTo(me);
        }
        var firstPage = inbox.page(me, 0, 2);
        var secondPage = inbox.page(me, 1, 2);
        var lastPage = inbox.page(me, 2, 2);
        org.junit.jupiter.api.Assertions.assertEquals(2, firstPage.size());
        org.junit.jupiter.api.Assertions.assertEquals(2, secondPage.size());
        org.junit.jupiter.api.Assertions.assertEquals(1, lastPage.size());
        org.junit.jupiter.api.Assertions.assertTrue(firstPage.get(1).seq > secondPage.get(0).seq, "newest first");
        org.junit.jupiter.api.Assertions.assertEquals(5, inbox.total(me));
    }

    @Test
    void theInboxNeedsAToken() {
        given().get("/api/v1/notifications/inbox").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void pagingIsValidated() {
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/inbox?size=1000")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }
}
