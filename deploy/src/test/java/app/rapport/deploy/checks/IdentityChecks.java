package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.platform.security.Claims;
import app.rapport.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * The Keycloak realm gives the services what they verify and read: their roles, the claims the development
 * tokens carry, the audience and issuer they expect; the web client signs in with PKCE, the machine client
 * with client credentials, and no secret is committed.
 */
public final class IdentityChecks {

    private IdentityChecks() {
    }

    public static List<String> realm(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        JsonNode realmImport = single(manifests, "KeycloakRealmImport");
        JsonNode keycloak = single(manifests, "Keycloak");
        JsonNode realm = realmImport.path("spec").path("realm");
        if (!keycloak.path("metadata").path("name").asText().equals(realmImport.path("spec").path("keycloakCRName").asText())) {
            problems.add("the realm import names Keycloak " + realmImport.path("spec").path("keycloakCRName").asText() + ", which does not exist");
        }
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        if (!roles.equals(constants(Roles.class))) {
            problems.add("realm roles " + roles + " differ from the services' roles " + constants(Roles.class));
        }
        String audience = shared(manifests).get("RAPPORT_JWT_AUDIENCE");
        String appHost = host(manifests, "rapport");
        for (JsonNode client : realm.path("clients")) {
            problems.addAll(claims(client, audience));
        }
        problems.addAll(webClient(client(realm, "rapport-web"), appHost));
        problems.addAll(machineClient(realm, client(realm, "rapport-solicitor-system")));
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0)
                .path("config").path("kc.user.profile.config").path(0).asText();
        for (String attribute : List.of(Claims.ORGANISATION, Claims.TEAMS)) {
            if (!profile.contains("\"name\":\"" + attribute + "\"")) {
                problems.add("the user profile does not declare the attribute " + attribute);
            }
        }
        secrets(realm, "realm", problems);
        return problems;
    }

    /** Issuer, keys and sign-in settings the workloads are given point at this Keycloak and realm. */
    public static List<String> endpoints(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        JsonNode keycloak = single(manifests, "Keycloak");
        String realm = single(manifests, "KeycloakRealmImport").path("spec").path("realm").path("realm").asText();
        String identityHost = host(manifests, "rapport-identity");
        if (!identityHost.equals(keycloak.path("spec").path("hostname").path("hostname").asText())) {
            problems.add("Keycloak's hostname is not the identity Ingress host " + identityHost);
        }
        String issuer = "https://" + identityHost + "/realms/" + realm;
        String jwks = "http://" + keycloak.path("metadata").path("name").asText() + "-service:8080/realms/" + realm
                + "/protocol/openid-connect/certs";
        Map<String, String> shared = shared(manifests);
        expect(problems, "RAPPORT_JWT_ISSUER", shared.get("RAPPORT_JWT_ISSUER"), issuer);
        expect(problems, "RAPPORT_JWKS_URL", shared.get("RAPPORT_JWKS_URL"), jwks);
        Map<String, String> web = manifests.configMap("web-client").map(ConfigMap::getData).orElse(Map.of());
        expect(problems, "RAPPORT_WEB_OIDC_AUTHORITY", web.get("RAPPORT_WEB_OIDC_AUTHORITY"), issuer);
        expect(problems, "RAPPORT_WEB_OIDC_CLIENT_ID", web.get("RAPPORT_WEB_OIDC_CLIENT_ID"), "rapport-web");
        return problems;
    }

    private static List<String> claims(JsonNode client, String audience) {
        String id = client.path("clientId").asText();
        Set<String> claims = new TreeSet<>();
        boolean audienceMapped = false;
        for (JsonNode mapper : client.path("protocolMappers")) {
            JsonNode config = mapper.path("config");
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                audienceMapped |= audience != null && audience.equals(config.path("included.custom.audience").asText())
                        && config.path("access.token.claim").asText().equals("true");
            } else if (config.path("access.token.claim").asText().equals("true")) {
                claims.add(config.path("claim.name").asText());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!audienceMapped) {
            problems.add(id + ": access tokens do not carry the audience " + audience + " the services expect");
        }
        Set<String> needed = Set.of("groups", "upn", Claims.ORGANISATION, Claims.TEAMS);
        needed.stream().filter(c -> !claims.contains(c)).sorted().forEach(c -> problems.add(id + ": access tokens lack the claim " + c));
        return problems;
    }

    private static List<String> webClient(JsonNode client, String appHost) {
        List<String> problems = new ArrayList<>();
        expectFields(problems, client, Map.of("publicClient", "true", "standardFlowEnabled", "true",
                "implicitFlowEnabled", "false", "directAccessGrantsEnabled", "false"));
        expect(problems, "rapport-web PKCE method", client.path("attributes").path("pkce.code.challenge.method").asText(), "S256");
        for (JsonNode uri : client.path("redirectUris")) {
            if (!uri.asText().startsWith("https://" + appHost + "/")) {
                problems.add("rapport-web may redirect to " + uri.asText() + ", outside https://" + appHost);
            }
        }
        List<String> origins = StreamSupport.stream(client.path("webOrigins").spliterator(), false).map(JsonNode::asText).toList();
        expect(problems, "rapport-web webOrigins", origins.toString(), List.of("https://" + appHost).toString());
        return problems;
    }

    private static List<String> machineClient(JsonNode realm, JsonNode client) {
        List<String> problems = new ArrayList<>();
        expectFields(problems, client, Map.of("publicClient", "false", "serviceAccountsEnabled", "true", "standardFlowEnabled", "false"));
        boolean hasRole = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> client.path("clientId").asText().equals(u.path("serviceAccountClientId").asText()))
                .anyMatch(u -> StreamSupport.stream(u.path("realmRoles").spliterator(), false).anyMatch(r -> r.asText().equals(Roles.SOLICITOR_SYSTEM)));
        if (!hasRole) {
            problems.add("rapport-solicitor-system's service account lacks the role " + Roles.SOLICITOR_SYSTEM);
        }
        return problems;
    }

    private static void secrets(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (field.getKey().toLowerCase().contains("secret") && !field.getKey().equals("clientAuthenticatorType")) {
                    problems.add("the realm holds a secret at " + path + "." + field.getKey());
                }
                secrets(field.getValue(), path + "." + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                secrets(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> clientId.equals(c.path("clientId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the realm has no client " + clientId));
    }

    private static String host(Manifests manifests, String ingressName) {
        return manifests.typed(Ingress.class).stream().filter(i -> i.getMetadata().getName().equals(ingressName)).findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress " + ingressName)).getSpec().getRules().get(0).getHost();
    }

    private static Map<String, String> shared(Manifests manifests) {
        return manifests.configMap("rapport-shared").map(ConfigMap::getData).orElseThrow(() -> new AssertionError("no ConfigMap rapport-shared"));
    }

    private static JsonNode single(Manifests manifests, String kind) {
        List<JsonNode> found = manifests.ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    private static void expectFields(List<String> problems, JsonNode client, Map<String, String> expected) {
        expected.forEach((field, value) ->
                expect(problems, client.path("clientId").asText() + " " + field, client.path(field).asText(), value));
    }

    private static void expect(List<String> problems, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }

    static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }
}
