package app.rapport.sessions.support;

import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a demo user, and request bodies. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> session(UUID clientId, List<String> professionals, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId.toString());
        body.put("professionalIds", professionals);
        body.put("type", "therapy");
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("location", "Clinic room 2");
        body.put("language", "en");
        body.put("interpreter", false);
        return body;
    }
}
