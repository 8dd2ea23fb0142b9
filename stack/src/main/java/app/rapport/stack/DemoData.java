package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.devkit.tokens.DevTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a fresh platform with the demo organisation and a believable caseload through the public
 * API, exactly as an organisation admin and the case managers would: the directory first, then
 * twenty clients (two teams) with their care circles, consent choices and cases, from
 * {@code demo/caseload.json}. Every person in it is invented.
 */
public final class DemoData {

    /** What client-service answered for one demo client. */
    public record CreatedClient(String givenName, String familyName, String caseManager, String id, String reference) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DemoUser> NORTHBRIDGE_STAFF = List.of(DemoUsers.ALICE, DemoUsers.BILAL, DemoUsers.TARA,
            DemoUsers.THEO, DemoUsers.SAM, DemoUsers.NADIA, DemoUsers.KWAME);
    private static final Map<String, String> DISCIPLINES = Map.of("theo", "physiotherapy", "nadia", "psychology");

    private final DemoApi clients;

    public DemoData(DevTokenIssuer issuer, String clientServiceUrl) {
        this.clients = new DemoApi(issuer, clientServiceUrl);
    }

    public List<CreatedClient> load() throws IOException, InterruptedException {
        loadDirectory();
        List<CreatedClient> created = new ArrayList<>();
        for (JsonNode client : caseload().path("clients")) {
            created.add(loadClient(client));
        }
        return created;
    }

    private void loadDirectory() throws IOException, InterruptedException {
        String org = "/api/v1/organisations/" + DemoUsers.ORGANISATION;
        clients.put(DemoUsers.OMAR, org, Map.of("name", "Northbridge Rehabilitation", "kind", "case-management"));
        clients.put(DemoUsers.OMAR, "/api/v1/organisations/" + DemoUsers.LAW_FIRM,
                Map.of("name", "Hartley Solicitors", "kind", "law-firm"));
        clients.put(DemoUsers.OMAR, org + "/teams/" + DemoUsers.TEAM_NORTH, Map.of("name", "North"));
        clients.put(DemoUsers.OMAR, org + "/teams/" + DemoUsers.TEAM_SOUTH, Map.of("name", "South"));
        for (DemoUser user : NORTHBRIDGE_STAFF) {
            clients.put(DemoUsers.OMAR, org + "/professionals", professional(user));
        }
        clients.put(DemoUsers.OMAR, "/api/v1/organisations/" + DemoUsers.LAW_FIRM + "/professionals",
                professional(DemoUsers.SOPHIE));
    }

    private static Map<String, Object> professional(DemoUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", user.userId());
        body.put("displayName", user.name());
        body.put("role", user.roles().get(0));
        body.put("email", user.email());
        body.put("teamIds", user.teamIds());
        if (DISCIPLINES.containsKey(user.username())) {
            body.put("discipline", DISCIPLINES.get(user.username()));
        }
        return body;
    }

    private CreatedClient loadClient(JsonNode demo) throws IOException, InterruptedException {
        DemoUser caseManager = user(demo.path("caseManager").asText());
        JsonNode registered = clients.post(caseManager, "/api/v1/clients", demo.path("profile"));
        String id = registered.path("id").asText();
        String base = "/api/v1/clients/" + id;

        List<String> familyMemberIds = new ArrayList<>();
        for (JsonNode member : demo.path("careCircle")) {
            ObjectNode body = member.deepCopy();
            if (body.has("user")) {
                body.put("userId", user(body.remove("user").asText()).userId());
            }
            JsonNode added = clients.post(caseManager, base + "/care-circle", body);
            if ("family".equals(member.path("role").asText())) {
                familyMemberIds.add(added.path("id").asText());
            }
        }
        for (JsonNode decision : demo.path("consent")) {
            ObjectNode body = decision.deepCopy();
            if (body.has("recipientFamily")) {
                body.put("recipientMemberId", familyMemberIds.get(body.remove("recipientFamily").asInt()));
            }
            clients.post(caseManager, base + "/consent", body);
        }
        if (demo.has("case")) {
            clients.put(caseManager, base + "/case", demo.path("case"));
        }
        JsonNode profile = demo.path("profile");
        return new CreatedClient(profile.path("givenName").asText(), profile.path("familyName").asText(),
                caseManager.username(), id, registered.path("reference").asText());
    }

    private static DemoUser user(String username) {
        return DemoUsers.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    /** The demo caseload file; its clients come back from {@link #load()} in the same order. */
    static JsonNode caseload() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/caseload.json")) {
            if (in == null) {
                throw new IOException("demo/caseload.json is missing from the launcher");
            }
            return JSON.readTree(in);
        }
    }
}
