package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DevTokenIssuer;
import app.rapport.devkit.tokens.TokenSpec;
import app.rapport.stack.OperationCatalogue.Operation;
import app.rapport.stack.OperationCatalogue.Outsider;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static app.rapport.stack.OperationCatalogue.ADMIN;
import static app.rapport.stack.OperationCatalogue.CM;
import static app.rapport.stack.OperationCatalogue.SOL;
import static app.rapport.stack.OperationCatalogue.SW;
import static app.rapport.stack.OperationCatalogue.SYS;
import static app.rapport.stack.OperationCatalogue.TH;
import static app.rapport.stack.OperationCatalogue.TL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation in every service's OpenAPI document, called the way an attacker or a mistaken
 * integration would: without a token, with expired, foreign-issuer, wrong-audience, foreign-key and
 * unsigned tokens, with a role the operation does not allow, and as a colleague or another
 * organisation's user who has an allowed role but no relationship to the client. Each answer must be
 * the designed 401/403/404 (problem+json) and must not contain the client's names, reference or the ids
 * of their data. Then every operation that takes a body gets broken, mistyped and oversized bodies.
 * The public one-time feedback links and calendar feeds (a token in the URL, no account) are checked
 * on their own terms.
 */
@ExtendWith(SystemPlatform.class)
@Order(20)
class SecuritySweepSystemTest {

    private static final List<String> ROLE_PRIORITY = List.of(CM, TL, TH, SW, SOL, SYS, ADMIN);
    /** The wrong role tried first is the one closest to the client: a member of the circle whose role lacks the right. */
    private static final List<String> WRONG_ROLE_PRIORITY = List.of(SW, TH, SOL, CM, TL, ADMIN, SYS);

    private static final Set<String> MATRIX_CASES = Set.of("no token", "expired", "wrong issuer", "wrong audience",
            "bad signature", "alg none", "wrong role", "unrelated colleague", "other organisation");

    private static SweepTarget target;
    private static final Map<String, Integer> tried = new TreeMap<>();
    /** What was not as designed in the current test; each test reports (and clears) its own. */
    private static final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void target() throws Exception {
        target = SweepTarget.shared();
    }

    @org.junit.jupiter.api.BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    @AfterAll
    static void report() {
        int total = tried.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[security-sweep] %d operations, %d cases tried: %s%n", OperationCatalogue.ALL.size(), total, tried);
    }

    @Test
    void theCatalogueNamesEveryOperationOfEveryService() {
        Set<String> documented = new TreeSet<>();
        for (String service : SystemPlatform.platform().serviceNames()) {
            JsonNode openApi = Api.anonymous().raw("GET", ApiDocuments.documentUrl(SystemPlatform.platform(), service), null, "",
                    Map.of()).expect(200).json();
            openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }));
        }
        Set<String> catalogued = new TreeSet<>();
        OperationCatalogue.ALL.forEach(op -> catalogued.add(op.key()));
        assertEquals(documented, catalogued, "the sweep's catalogue and the services' OpenAPI documents");
        assertTrue(documented.size() >= 80, "four services' worth of operations: " + documented.size());
    }

    @Test
    void everyOperationRefusesBadTokensWrongRolesAndOutsidersWithoutLeaking() {
        DevTokenIssuer issuer = SystemPlatform.platform().issuer();
        for (Operation op : OperationCatalogue.ALL) {
            if (op.isPublic()) {
                continue;
            }
            DemoUser right = rightCaller(op);
            TokenSpec spec = TokenSpec.of(right);
            Map<String, String> badTokens = Map.of(
                    "no token", "",
                    "expired", issuer.mint(spec.expired()),
                    "wrong issuer", issuer.mint(spec.withIssuer("https://issuer.elsewhere.example/realms/rapport")),
                    "wrong audience", issuer.mint(spec.withAudience("some-other-api")),
                    "bad signature", issuer.mintWithForeignKey(spec),
                    "alg none", issuer.mintUnsigned(spec));
            badTokens.forEach((name, token) -> check(op, name, token.isEmpty() ? Api.anonymous() : Api.withToken(token),
                    reply -> reply.status() == 401 && reply.header("WWW-Authenticate") != null
                            && reply.header("WWW-Authenticate").startsWith("Bearer") && isProblem(reply)));

            wrongRole(op).ifPresent(role -> check(op, "wrong role (" + role + ")", Api.as(member(role)),
                    reply -> reply.status() == 403 && isProblem(reply)));

            String role = op.roles().isEmpty() ? CM : ROLE_PRIORITY.stream().filter(op.roles()::contains).findFirst().orElseThrow();
            check(op, "unrelated colleague (" + role + ")", Api.as(colleague(role)), outsiderExpectation(op));
            check(op, "other organisation (" + role + ")", Api.as(elsewhere(role)), outsiderExpectation(op));
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
        // Every case of every operation was really tried: six bad tokens, two outsiders, a wrong role wherever one exists.
        long protectedOperations = OperationCatalogue.ALL.stream().filter(op -> !op.isPublic()).count();
        long withWrongRole = OperationCatalogue.ALL.stream().filter(op -> !op.isPublic() && wrongRole(op).isPresent()).count();
        int matrix = tried.entrySet().stream().filter(e -> MATRIX_CASES.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        assertEquals(protectedOperations * 8 + withWrongRole, matrix);
        assertTrue(matrix >= 690, "the sweep covers at least what docs/security.md reports: " + matrix);
    }

    @Test
    void publicLinksNeedTheWholeTokenAndShowNothingAboutTheClient() {
        String link = "/api/v1/feedback/";
        String unknown = "A".repeat(43);
        String altered = target.feedbackToken.substring(0, 42) + (target.feedbackToken.endsWith("A") ? "B" : "A");
        for (String token : List.of(unknown, altered, "short", "%27%20or%201%3D1--")) {
            checkPublic("GET " + link + token, Api.anonymous().get(link + token), 404);
            checkPublic("POST " + link + token, Api.anonymous().post(link + token, OperationCatalogue.ALL.stream()
                    .filter(op -> op.key().equals("POST /api/v1/feedback/{token}")).findFirst().orElseThrow()
                    .body().apply(target)), 404);
        }
        Api.Reply form = Api.anonymous().get(link + target.feedbackToken);
        checkPublic("GET the real link", form, 200);

        String feed = "/api/v1/sessions/calendar/";
        String feedAltered = target.calendarToken.substring(0, target.calendarToken.length() - 1)
                + (target.calendarToken.endsWith("A") ? "B" : "A");
        for (String token : List.of("A".repeat(43), feedAltered, "short")) {
            checkPublic("GET " + feed + token + ".ics", Api.anonymous().get(feed + token + ".ics"), 404);
        }
        Api.Reply calendar = Api.anonymous().get(feed + target.calendarToken + ".ics");
        checkPublic("GET the real feed", calendar, 200);
        assertTrue(calendar.contentType().startsWith("text/calendar"), calendar.contentType());
        assertTrue(calendar.body().contains("BEGIN:VCALENDAR") && calendar.body().contains(target.client.reference()),
                "the feed lists the sessions by client reference: " + calendar.body());
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
    }

    @Test
    void brokenMistypedAndOversizedBodiesAreRefusedCleanly() {
        byte[] oversized = ("{\"text\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Operation op : OperationCatalogue.ALL) {
            if (!op.takesBody()) {
                continue;
            }
            Api caller = op.isPublic() ? Api.anonymous() : Api.as(rightCaller(op));
            String url = SystemPlatform.platform().serviceUrl(Api.serviceFor(op.path())) + path(op);
            checkRaw(op, "broken JSON", () -> caller.raw(op.method(), url, bytes("{\"broken\": "), "application/json", Map.of()),
                    reply -> reply.status() == 400 && isProblem(reply), "");
            checkRaw(op, "JSON of the wrong shape", () -> caller.raw(op.method(), url, bytes("[1, 2, 3]"), "application/json", Map.of()),
                    reply -> reply.status() == 400 && isProblem(reply), "");
            // 415, or 400 where an operation with an optional body reads any type and then finds it invalid.
            checkRaw(op, "not JSON at all", () -> caller.raw(op.method(), url, bytes("givenName=Eve"), "text/plain", Map.of()),
                    reply -> (reply.status() == 415 || reply.status() == 400) && isProblem(reply), "");
            checkRaw(op, "over 256 KiB", () -> caller.raw(op.method(), url, oversized, "application/json", Map.of()),
                    reply -> reply.status() == 413 && isProblem(reply), "");
        }
        assertEquals(List.of(), failures, failures.size() + " answers were not as designed");
    }

    /** What an unrelated caller must get, by the kind of operation. */
    private static Function<Api.Reply, Boolean> outsiderExpectation(Operation op) {
        return switch (op.outsider()) {
            case HIDDEN -> reply -> reply.status() == 404 && isProblem(reply);
            case OWN_DATA -> reply -> reply.status() / 100 == 2;
            case REFUSED -> reply -> reply.status() >= 400 && reply.status() < 500
                    && !Set.of(401, 403, 404).contains(reply.status()) && isProblem(reply);
            case PUBLIC -> throw new IllegalArgumentException("public operations are checked on their own");
        };
    }

    private static void check(Operation op, String name, Api caller, Function<Api.Reply, Boolean> expected) {
        Object body = op.takesBody() ? op.body().apply(target) : null;
        checkRaw(op, name, () -> op.path().contains("/stream") ? caller.peek(path(op), Duration.ofSeconds(2))
                : caller.send(op.method(), path(op), body, Map.of()), expected, String.valueOf(body));
    }

    /** @param sent what the caller sent besides the path: ids they named there are theirs to see again */
    private static void checkRaw(Operation op, String name, java.util.function.Supplier<Api.Reply> call,
                                 Function<Api.Reply, Boolean> expected, String sent) {
        tried.merge(name.replaceFirst(" \\(.*", ""), 1, Integer::sum);
        Api.Reply reply = call.get();
        List<String> leaked = leaks(reply, path(op) + " " + sent);
        if (!expected.apply(reply) || !leaked.isEmpty() || reply.status() >= 500) {
            failures.add(op + " [" + name + "] -> " + reply.status() + (leaked.isEmpty() ? "" : " leaking " + leaked)
                    + ": " + abbreviate(reply.body()));
        }
    }

    private static void checkPublic(String name, Api.Reply reply, int expected) {
        tried.merge("public link", 1, Integer::sum);
        List<String> leaked = leaks(reply, name);
        if (name.contains("feed")) {
            // A professional's own feed lists their sessions (UIDs are session ids) by client reference; never names.
            leaked.retainAll(List.of(target.client.givenName(), target.client.familyName(), target.client.id()));
        }
        if (reply.status() != expected || !leaked.isEmpty()) {
            failures.add(name + " -> " + reply.status() + (leaked.isEmpty() ? "" : " leaking " + leaked) + ": "
                    + abbreviate(reply.body()));
        }
    }

    /** Secrets of the target in the answer, other than those the caller put in the URL themselves. */
    private static List<String> leaks(Api.Reply reply, String requested) {
        List<String> found = new ArrayList<>();
        for (String secret : target.secrets()) {
            if (!requested.contains(secret) && reply.body().contains(secret)) {
                found.add(secret);
            }
        }
        return found;
    }

    private static boolean isProblem(Api.Reply reply) {
        return reply.contentType().startsWith("application/problem+json");
    }

    private static String path(Operation op) {
        return OperationCatalogue.resolve(op.path(), target.ids);
    }

    /** Someone in the target's organisation who may call the operation (for the ids used, the one who owns them). */
    private static DemoUser rightCaller(Operation op) {
        if (op.path().contains("{notificationId}")) {
            return target.org.therapist;
        }
        if (op.roles().isEmpty()) {
            return target.org.caseManager;
        }
        return member(ROLE_PRIORITY.stream().filter(op.roles()::contains).findFirst().orElseThrow());
    }

    private static java.util.Optional<String> wrongRole(Operation op) {
        if (op.roles().isEmpty()) {
            return java.util.Optional.empty(); // any signed-in user
        }
        return WRONG_ROLE_PRIORITY.stream().filter(role -> !op.roles().contains(role)).findFirst();
    }

    /** The target organisation's person in the role; all but the team lead, admin and firm system are in the circle. */
    private static DemoUser member(String role) {
        TestOrganisation org = target.org;
        return switch (role) {
            case CM -> org.caseManager;
            case TL -> org.teamLead;
            case TH -> org.therapist;
            case SW -> org.supportWorker;
            case SOL -> org.solicitor;
            case SYS -> org.firmSystem;
            case ADMIN -> org.admin;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** Someone with the role and no relationship to the client: same organisation where that exists, else a peer elsewhere. */
    private static DemoUser colleague(String role) {
        TestOrganisation org = target.org;
        return switch (role) {
            case CM -> org.otherCaseManager;
            case TL -> target.otherTeamLead;
            case TH -> org.otherTherapist;
            case SW -> target.otherSupportWorker;
            default -> elsewhere(role);
        };
    }

    private static DemoUser elsewhere(String role) {
        return TestOrganisation.outsider(role);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
