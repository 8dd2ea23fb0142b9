package app.rapport.stack;

import app.rapport.devkit.testing.OperationalChecks;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.stack.OperationCatalogue.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.rapport.stack.Api.object;
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
 * What the running platform gives away besides its answers' bodies. Every operation of every service, called
 * directly and through the front door, refused or served, must forbid caching and content sniffing, including
 * the answers that show a secret once; no process's metrics may hold an id or token that was in a request path;
 * and no public port (services and front door) serves the management endpoints, which are on the management
 * ports with help text on every Rapport metric.
 */
@ExtendWith(SystemPlatform.class)
@Order(22)
class ExposureSystemTest {

    private static final List<String> ROLE_PRIORITY = List.of(CM, TL, TH, SW, SOL, SYS, ADMIN);

    private static SweepTarget target;
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void target() throws Exception {
        target = SweepTarget.shared();
    }

    @Test
    void everyAnswerOfEveryOperationForbidsStoringAndSniffing() {
        int checked = 0;
        for (Operation op : OperationCatalogue.ALL) {
            String path = OperationCatalogue.resolve(op.path(), target.ids);
            Object body = op.takesBody() ? op.body().apply(target) : null;
            // Refused answers: no token, and (for a read) the right caller's own answer, direct and through the front door.
            checkHeaders(op + " without a token", call(op, Api.anonymous(), path, body, false));
            checkHeaders(op + " without a token, through the front door", call(op, Api.anonymous(), path, body, true));
            if (op.method().equals("GET") && !path.contains("/stream")) {
                Api caller = op.isPublic() ? Api.anonymous() : Api.as(rightCaller(op));
                checkHeaders(op + " as its caller", call(op, caller, path, null, false));
                checkHeaders(op + " as its caller, through the front door", call(op, caller, path, null, true));
            }
            checked++;
        }
        assertEquals(OperationCatalogue.ALL.size(), checked);
        assertEquals(List.of(), failures, failures.size() + " answers may be stored or sniffed");
    }

    /** Feedback-link creation, a calendar-feed URL and a webhook's secret (created and rotated) show a secret once. */
    @Test
    void answersThatShowASecretOnceForbidStoring() {
        Api.Reply link = Api.as(target.org.caseManager).post("/api/v1/alliance/clients/" + target.client.id()
                + "/feedback-links", object()).expect(201, 200);
        checkHeaders("feedback link created", link);
        // Another professional's feed, so the sweep's own feed token stays valid.
        Api.Reply feed = Api.as(target.org.otherCaseManager).post("/api/v1/sessions/calendar-feed", null).expect(201, 200);
        checkHeaders("calendar feed URL", feed);
        Api.Reply hook = Api.as(target.org.firmSystem).post("/api/v1/notifications/webhooks",
                object("url", target.receiver.url(), "eventTypes", List.of("rapport.session.missed.v1"))).expect(201, 200);
        checkHeaders("webhook secret", hook);
        String hookPath = "/api/v1/notifications/webhooks/" + hook.json().path("id").asText();
        checkHeaders("rotated webhook secret", Api.as(target.org.firmSystem).post(hookPath + "/rotate-secret",
                object("overlap", "PT1H")).expect(200, 201));
        Api.as(target.org.firmSystem).delete(hookPath).expect(204, 200);
        assertEquals(List.of(), failures);
    }

    @Test
    void noProcessTurnsAPathValueIntoAMetricTag() throws Exception {
        Platform platform = SystemPlatform.platform();
        String front = platform.webClientUrl();
        // The reviewers' example and its relatives: the feedback page, app routes and forwarded API paths.
        for (String path : List.of("/feedback/" + target.feedbackToken, "/clients/" + target.client.id(),
                "/clients/" + target.client.id() + "/sessions", "/api/v1/feedback/" + target.feedbackToken,
                "/api/v1/clients/" + target.client.id(), "/api/v1/sessions/calendar/" + target.calendarToken + ".ics")) {
            Api.anonymous().raw("GET", front + path, null, "", Map.of());
            Api.anonymous().raw("DELETE", front + path, null, "", Map.of());
        }
        for (Operation op : OperationCatalogue.ALL) {
            Api.anonymous().send(op.method(), OperationCatalogue.resolve(op.path(), target.ids), null, Map.of());
        }
        Map<String, String> secrets = new LinkedHashMap<>(target.ids);
        secrets.put("feedback token", target.feedbackToken);
        secrets.put("calendar token", target.calendarToken);
        secrets.put("client id", target.client.id());
        Map<String, String> management = managementUrls(platform);
        management.forEach((process, url) -> {
            String metrics = Api.anonymous().raw("GET", url + "/q/metrics", null, "", Map.of()).expect(200).body();
            secrets.forEach((name, value) -> {
                if (value.length() >= 8 && metrics.contains(value)) {
                    failures.add(process + "'s metrics hold the " + name + " " + value);
                }
            });
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void managementEndpointsAreOnlyOnTheManagementPorts() throws Exception {
        Platform platform = SystemPlatform.platform();
        Map<String, String> publicUrls = new LinkedHashMap<>();
        platform.serviceNames().forEach(service -> publicUrls.put(service, platform.serviceUrl(service)));
        publicUrls.put(PlatformOptions.WEB_CLIENT, platform.webClientUrl());
        for (var entry : publicUrls.entrySet()) {
            failures.addAll(OperationalChecks.managementPathsOnPublicPort(URI.create(entry.getValue()))
                    .stream().map(problem -> entry.getKey() + ": " + problem).toList());
        }
        for (var entry : managementUrls(platform).entrySet()) {
            String url = entry.getValue();
            Api.anonymous().raw("GET", url + "/q/health/ready", null, "", Map.of()).expect(200);
            String metrics = Api.anonymous().raw("GET", url + "/q/metrics", null, "", Map.of()).expect(200).body();
            failures.addAll(OperationalChecks.metricsWithoutHelp(metrics).stream()
                    .map(problem -> entry.getKey() + ": " + problem).toList());
            Api.Reply open = Api.anonymous().raw("GET", url + "/q/metrics", null, "",
                    Map.of("Accept", OperationalChecks.OPEN_METRICS)).expect(200);
            assertTrue(open.contentType().startsWith("application/openmetrics-text"), entry.getKey() + ": " + open.contentType());
        }
        for (String service : platform.serviceNames()) {
            Api.anonymous().raw("GET", platform.managementUrl(service) + "/q/openapi?format=json", null, "", Map.of())
                    .expect(200);
        }
        assertEquals(List.of(), failures);
    }

    /** Every consumer exports its lag per partition, and its restarts as a counter. */
    @Test
    void consumersExportTheirLagAndRestarts() throws Exception {
        Platform platform = SystemPlatform.platform();
        for (String service : List.of("session-service", "alliance-service", "notification-service")) {
            String metrics = Api.anonymous().raw("GET", platform.managementUrl(service) + "/q/metrics", null, "", Map.of())
                    .expect(200).body();
            assertEquals("gauge", OperationalChecks.typeOf(metrics, "rapport_events_consumer_lag"),
                    service + " exports its consumer lag");
            assertTrue(metrics.contains("rapport_events_consumer_lag{group=\"" + service + "\""), service);
            assertEquals(List.of(), OperationalChecks.notCounters(metrics, List.of("rapport_events_consumer_restarts_total",
                    "rapport_events_dead_lettered_total", "rapport_events_consumed_total")), service);
        }
    }

    private static Map<String, String> managementUrls(Platform platform) {
        Map<String, String> urls = new LinkedHashMap<>();
        platform.serviceNames().forEach(service -> urls.put(service, platform.managementUrl(service)));
        urls.put(PlatformOptions.WEB_CLIENT, platform.webClientManagementUrl());
        return urls;
    }

    private static Api.Reply call(Operation op, Api caller, String path, Object body, boolean throughFrontDoor) {
        if (path.contains("/stream") && !throughFrontDoor) {
            return caller.peek(path, Duration.ofSeconds(1));
        }
        byte[] bytes = body == null ? null : Api.JSON.valueToTree(body).toString().getBytes(StandardCharsets.UTF_8);
        String base = throughFrontDoor ? SystemPlatform.platform().webClientUrl()
                : SystemPlatform.platform().serviceUrl(Api.serviceFor(path));
        return caller.raw(op.method(), base + path, bytes, "application/json", Map.of());
    }

    private void checkHeaders(String what, Api.Reply reply) {
        String cacheControl = reply.header("Cache-Control");
        String sniffing = reply.header("X-Content-Type-Options");
        if (cacheControl == null || !cacheControl.contains("no-store") || !"nosniff".equals(sniffing)) {
            failures.add(what + " -> " + reply.status() + " Cache-Control: " + cacheControl
                    + ", X-Content-Type-Options: " + sniffing);
        }
    }

    /** Someone in the target's organisation who may call the operation. */
    private static DemoUser rightCaller(Operation op) {
        if (op.path().contains("{notificationId}")) {
            return target.org.therapist;
        }
        if (op.roles().isEmpty()) {
            return target.org.caseManager;
        }
        TestOrganisation org = target.org;
        return switch (ROLE_PRIORITY.stream().filter(op.roles()::contains).findFirst().orElseThrow()) {
            case CM -> org.caseManager;
            case TL -> org.teamLead;
            case TH -> org.therapist;
            case SW -> org.supportWorker;
            case SOL -> org.solicitor;
            case SYS -> org.firmSystem;
            case ADMIN -> org.admin;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }
}
