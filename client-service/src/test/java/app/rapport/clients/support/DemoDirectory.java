package app.rapport.clients.support;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import io.restassured.http.ContentType;

import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * Puts the demo organisation, its two teams, the law firm and the demo professionals into the
 * directory through the organisation admin's API, as an admin would. Safe to call from every test.
 */
public final class DemoDirectory {

    private static boolean loaded;

    private DemoDirectory() {
    }

    public static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        put("/api/v1/organisations/" + DemoUsers.ORGANISATION, "{\"name\":\"Northbridge Rehabilitation\",\"kind\":\"case-management\"}");
        put("/api/v1/organisations/" + DemoUsers.LAW_FIRM, "{\"name\":\"Hartley Solicitors\",\"kind\":\"law-firm\"}");
        put("/api/v1/organisations/" + DemoUsers.ORGANISATION + "/teams/" + DemoUsers.TEAM_NORTH, "{\"name\":\"North\"}");
        put("/api/v1/organisations/" + DemoUsers.ORGANISATION + "/teams/" + DemoUsers.TEAM_SOUTH, "{\"name\":\"South\"}");
        for (DemoUser user : List.of(DemoUsers.ALICE, DemoUsers.BILAL, DemoUsers.TARA, DemoUsers.THEO, DemoUsers.SAM)) {
            professional(DemoUsers.ORGANISATION, user, user == DemoUsers.THEO ? "physiotherapy" : null);
        }
        professional(DemoUsers.LAW_FIRM, DemoUsers.SOPHIE, null);
        loaded = true;
    }

    private static void professional(String organisation, DemoUser user, String discipline) {
        String teams = String.join("\",\"", user.teamIds());
        put("/api/v1/organisations/" + organisation + "/professionals",
                "{\"userId\":\"" + user.userId() + "\",\"displayName\":\"" + user.name() + "\",\"role\":\""
                        + user.roles().get(0) + "\"," + (discipline == null ? "" : "\"discipline\":\"" + discipline + "\",")
                        + "\"email\":\"" + user.email() + "\",\"teamIds\":[" + (teams.isEmpty() ? "" : "\"" + teams + "\"") + "]}");
    }

    private static void put(String path, String body) {
        given().auth().oauth2(Fixtures.token(DemoUsers.OMAR)).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(200);
    }
}
