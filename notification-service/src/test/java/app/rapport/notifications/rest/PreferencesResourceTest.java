package app.rapport.notifications.rest;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreferencesResourceTest {

    @Test
    void withoutChoicesEveryGroupIsInAppAtOnce() {
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/preferences")
                .then().statusCode(200)
                .body("email", nullValue())
                .body("groups.size()", equalTo(7))
                .body("groups.sessions.channels", equalTo(List.of("in-app")))
                .body("groups.alliance.delivery", equalTo("immediate"));
    }

    @Test
    void settingsAreSavedAndTheTokensAddressIsTheDefault() {
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).contentType(ContentType.JSON).body("""
                        {"language":"cy","quietHours":{"start":"21:30","end":"07:00"},
                         "groups":{"sessions":{"channels":["in-app","email"],"delivery":"immediate"},
                                   "goals":{"channels":["email"],"delivery":"daily-digest"}}}""")
                .put("/api/v1/notifications/preferences")
                .then().statusCode(200)
                .body("email", equalTo(DemoUsers.TARA.email()))
                .body("language", equalTo("cy"))
                .body("quietHours.start", equalTo("21:30"))
                .body("groups.goals.channels", equalTo(List.of("email")))
                .body("groups.goals.delivery", equalTo("daily-digest"))
                .body("groups.client.channels", equalTo(List.of("in-app")));
        given().auth().oauth2(Tokens.of(DemoUsers.TARA)).get("/api/v1/notifications/preferences")
                .then().statusCode(200)
                .body("groups.sessions.channels", equalTo(List.of("in-app", "email")))
                .body("quietHours.end", equalTo("07:00"));
        // Someone else's settings are untouched.
        given().auth().oauth2(Tokens.of(DemoUsers.OMAR)).get("/api/v1/notifications/preferences")
                .then().statusCode(200).body("groups.goals.channels", equalTo(List.of("in-app")));
    }

    @Test
    void everyMistakeIsNamedAndNothingIsSaved() {
        given().auth().oauth2(Tokens.of(DemoUsers.KWAME)).contentType(ContentType.JSON).body("""
                        {"email":"kwame at home","language":"!!","quietHours":{"start":"25:00","end":"07:00"},
                         "groups":{"weather":{"channels":["in-app"]},
                                   "sessions":{"channels":["in-app","webhook","sms"],"delivery":"weekly"}}}""")
                .put("/api/v1/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email", "groups[sessions].channels[1]", "groups[sessions].channels[2]",
                        "groups[sessions].delivery", "groups[weather]", "language", "quietHours.start")))
                .body("errors.find { it.field == 'groups[sessions].channels[1]' }.message",
                        equalTo("webhooks are set up per organisation (webhook subscriptions), not per person"));
        given().auth().oauth2(Tokens.of(DemoUsers.KWAME)).get("/api/v1/notifications/preferences")
                .then().statusCode(200).body("email", nullValue());
    }

    @Test
    void aDigestNeedsEmailAndQuietHoursNeedTwoDifferentTimes() {
        given().auth().oauth2(Tokens.of(DemoUsers.KWAME)).contentType(ContentType.JSON).body("""
                        {"quietHours":{"start":"22:00","end":"22:00"},
                         "groups":{"goals":{"channels":["in-app"],"delivery":"daily-digest"}}}""")
                .put("/api/v1/notifications/preferences")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("groups[goals].delivery", "quietHours.end")));
    }

    @Test
    void unknownFieldsAreRefused() {
        given().auth().oauth2(Tokens.of(DemoUsers.KWAME)).contentType(ContentType.JSON).body("{\"pager\":\"07700 900000\"}")
                .put("/api/v1/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("pager"));
    }

    @Test
    void preferencesNeedAToken() {
        given().get("/api/v1/notifications/preferences").then().statusCode(401);
    }
}
