package app.rapport.notifications.support;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Reads people's inboxes through the API, as the web client would. */
public final class Inboxes {

    private Inboxes() {
    }

    /** The user's inbox items about one client (newest first), read through every page. */
    public static List<Map<String, Object>> items(DemoUser user, UUID clientId) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath inbox = given().auth().oauth2(Tokens.of(user))
                    .get("/api/v1/notifications/inbox?size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = inbox.getList("items");
            items.stream().filter(i -> clientId.toString().equals(i.get("clientId"))).forEach(all::add);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    /** How many notifications of each event type the user has about the client. */
    public static Map<String, Integer> countsByType(DemoUser user, UUID clientId) {
        Map<String, Integer> counts = new TreeMap<>();
        items(user, clientId).forEach(i -> counts.merge((String) i.get("eventType"), 1, Integer::sum));
        return counts;
    }

    public static boolean hasLink(DemoUser user, UUID clientId, String linkPart) {
        return items(user, clientId).stream().anyMatch(i -> ((String) i.get("link")).contains(linkPart));
    }

    public static long withLink(DemoUser user, UUID clientId, String linkPart) {
        return items(user, clientId).stream().filter(i -> ((String) i.get("link")).contains(linkPart)).count();
    }
}
