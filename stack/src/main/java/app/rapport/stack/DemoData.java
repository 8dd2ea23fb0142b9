package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.DevTokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a fresh platform with a small, believable caseload through the public API, exactly as a
 * case manager would: alice registers for team north, bilal for team south. Every person here is
 * invented.
 */
public final class DemoData {

    public record DemoClient(DemoUser caseManager, String givenName, String familyName, String dateOfBirth) {

        String json() {
            return "{\"givenName\":\"" + escape(givenName) + "\",\"familyName\":\"" + escape(familyName)
                    + "\",\"dateOfBirth\":\"" + dateOfBirth + "\"}";
        }
    }

    /** What client-service answered: the id and the human-readable reference it assigned. */
    public record CreatedClient(DemoClient client, String id, String reference) {
    }

    public static final List<DemoClient> CLIENTS = List.of(
            new DemoClient(DemoUsers.ALICE, "Grace", "Adeyemi", "1979-05-14"),
            new DemoClient(DemoUsers.ALICE, "Tomasz", "Wiśniewski", "1986-11-02"),
            new DemoClient(DemoUsers.ALICE, "Aisha", "Siddiqui", "1992-02-27"),
            new DemoClient(DemoUsers.ALICE, "Callum", "MacLeod", "1968-08-09"),
            new DemoClient(DemoUsers.BILAL, "Priya", "Raman", "1975-03-30"),
            new DemoClient(DemoUsers.BILAL, "Owen", "Pritchard", "2001-12-12"),
            new DemoClient(DemoUsers.BILAL, "Siobhan", "O'Donnell", "1990-09-04"),
            new DemoClient(DemoUsers.BILAL, "Mei", "Chen", "1983-06-18"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DevTokenIssuer issuer;
    private final String clientServiceUrl;

    public DemoData(DevTokenIssuer issuer, String clientServiceUrl) {
        this.issuer = issuer;
        this.clientServiceUrl = clientServiceUrl;
    }

    /** Registers every demo client; the first refusal stops the load with the service's answer. */
    public List<CreatedClient> load() throws IOException, InterruptedException {
        List<CreatedClient> created = new ArrayList<>();
        for (DemoClient client : CLIENTS) {
            created.add(register(client));
        }
        return created;
    }

    private CreatedClient register(DemoClient client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(clientServiceUrl + "/api/v1/clients"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + issuer.tokenFor(client.caseManager()))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.json(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Demo client " + client.givenName() + " " + client.familyName() + " (as "
                    + client.caseManager().username() + ") was refused with " + response.statusCode() + ": "
                    + response.body());
        }
        return new CreatedClient(client, field(response.body(), "id"), field(response.body(), "reference"));
    }

    // The launcher deliberately has no JSON library; two top-level string fields are all it reads.
    private static String field(String json, String name) throws IOException {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IOException("client-service answered without \"" + name + "\": " + json);
        }
        return matcher.group(1);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
