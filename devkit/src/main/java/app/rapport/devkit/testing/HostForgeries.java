package app.rapport.devkit.testing;

import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * No forging, then each header a caller could use to steer an absolute URL built from the request. A service's test
 * sends every operation that answers with an absolute URL once per forgery and expects the configured public base URL.
 */
public final class HostForgeries {

    public static final List<UnaryOperator<RequestSpecification>> ALL = List.of(
            request -> request,
            request -> request.header("Host", "attacker.example"),
            request -> request.header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Port", "666"),
            request -> request.header("Forwarded", "host=attacker.example;proto=http"),
            request -> request.header("Host", "attacker.example:8443").header("X-Forwarded-Host", "other.attacker.example"));

    private HostForgeries() {
    }
}
