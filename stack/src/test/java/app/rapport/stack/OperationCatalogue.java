package app.rapport.stack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static app.rapport.stack.Api.object;

/**
 * Every operation of the four services' OpenAPI documents, with the roles docs/api.md allows, a body
 * that would succeed for the right caller, and what a caller with an allowed role but no relationship
 * to the target client must get. The sweep checks this list against the live OpenAPI documents, so a
 * new endpoint cannot be added without saying who may call it.
 */
final class OperationCatalogue {

    static final String CM = "case-manager";
    static final String TL = "team-lead";
    static final String TH = "therapist";
    static final String SW = "support-worker";
    static final String SOL = "solicitor";
    static final String SYS = "solicitor-system";
    static final String ADMIN = "org-admin";

    /** Any signed-in user, whatever their role. */
    static final Set<String> ANYONE = Set.of();

    /** What an unrelated caller with an allowed role gets. */
    enum Outsider {
        /** 404, exactly as if the target did not exist. */
        HIDDEN,
        /** A success about their own things (their inbox, their diary); nothing of the target in it. */
        OWN_DATA,
        /** A 4xx other than 401/403/404 that names their own mistake (e.g. a team that is not theirs). */
        REFUSED,
        /** No account at all: handled by the public-link checks. */
        PUBLIC
    }

    /**
     * @param path the OpenAPI path, with a query string where the operation needs one
     * @param roles allowed roles; {@link #ANYONE} for every signed-in user
     */
    record Operation(String method, String path, Set<String> roles, Function<SweepTarget, Object> body, Outsider outsider) {

        String key() {
            return method + " " + path.replaceFirst("\\?.*", "");
        }

        boolean isPublic() {
            return outsider == Outsider.PUBLIC;
        }

        boolean takesBody() {
            return body != null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OperationCatalogue() {
    }

    private static Operation op(String method, String path, Set<String> roles, Outsider outsider) {
        return new Operation(method, path, roles, null, outsider);
    }

    private static Operation op(String method, String path, Set<String> roles, Outsider outsider,
                                Function<SweepTarget, Object> body) {
        return new Operation(method, path, roles, body, outsider);
    }

    private static final String CLIENT = "/api/v1/clients/{clientId}";
    private static final String ORG = "/api/v1/organisations/{organisationId}";
    private static final String SESSION = "/api/v1/sessions/{sessionId}";
    private static final String ALLIANCE = "/api/v1/alliance/clients/{clientId}";
    private static final String EPISODE = ALLIANCE + "/episodes/{episodeId}";
    private static final String HOOK = "/api/v1/notifications/webhooks/{id}";

    private static final Set<String> CASE_TEAM_AND_FIRM = Set.of(CM, TL, TH, SW, SOL, SYS);
    private static final Set<String> MANAGERS = Set.of(CM, TL);
    private static final Set<String> CLINICAL = Set.of(CM, TL, TH);
    private static final Set<String> CASE_READERS = Set.of(CM, TL, TH, SOL, SYS);
    private static final Set<String> STAFF = Set.of(CM, TL, TH, SW);
    private static final Set<String> FIRM_SYSTEMS = Set.of(ADMIN, SYS);

    static final List<Operation> ALL = List.of(
            // client-service
            op("POST", "/api/v1/clients", MANAGERS, Outsider.REFUSED,
                    t -> object("givenName", "Sweep", "familyName", "Newcomer", "teamId", t.org.teamA)),
            op("GET", "/api/v1/clients", CASE_TEAM_AND_FIRM, Outsider.OWN_DATA),
            op("PUT", CLIENT, MANAGERS, Outsider.HIDDEN,
                    t -> object("givenName", t.client.givenName(), "familyName", t.client.familyName())),
            op("GET", CLIENT, CASE_TEAM_AND_FIRM, Outsider.HIDDEN),
            op("GET", CLIENT + "/audit", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", CLIENT + "/care-circle", STAFF, Outsider.HIDDEN),
            op("POST", CLIENT + "/care-circle", MANAGERS, Outsider.HIDDEN,
                    t -> object("role", "therapist", "userId", t.org.otherTherapist.userId())),
            op("POST", CLIENT + "/care-circle/{memberId}/end", MANAGERS, Outsider.HIDDEN, t -> object()),
            op("PUT", CLIENT + "/case", MANAGERS, Outsider.HIDDEN,
                    t -> object("firmId", t.org.lawFirm, "referralSource", "Insurer")),
            op("GET", CLIENT + "/case", CASE_READERS, Outsider.HIDDEN),
            op("POST", CLIENT + "/case/milestones", Set.of(CM, TL, SOL, SYS), Outsider.HIDDEN,
                    t -> object("kind", "other", "occurredOn", t.today())),
            op("GET", CLIENT + "/case/milestones", CASE_READERS, Outsider.HIDDEN),
            op("GET", CLIENT + "/case/milestones/{milestoneId}", CASE_READERS, Outsider.HIDDEN),
            op("GET", CLIENT + "/consent", STAFF, Outsider.HIDDEN),
            op("POST", CLIENT + "/consent", MANAGERS, Outsider.HIDDEN,
                    t -> object("category", "goals", "recipientRole", "solicitor", "decision", "granted")),
            op("PUT", CLIENT + "/consent/record-keeping", MANAGERS, Outsider.HIDDEN,
                    t -> object("retention", "P8Y", "agreedOn", t.today())),
            op("POST", CLIENT + "/discharge", MANAGERS, Outsider.HIDDEN, t -> object("ending", "planned")),
            op("POST", CLIENT + "/erasure", Set.of(CM, ADMIN), Outsider.HIDDEN, t -> object("reason", "Client's request")),
            op("GET", CLIENT + "/export", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("POST", CLIENT + "/goals", CLINICAL, Outsider.HIDDEN,
                    t -> object("statement", "Drive again", "agreedBy", List.of(t.org.therapist.userId()))),
            op("GET", CLIENT + "/goals", CASE_TEAM_AND_FIRM, Outsider.HIDDEN),
            op("GET", CLIENT + "/goals/{goalId}", CASE_TEAM_AND_FIRM, Outsider.HIDDEN),
            op("PATCH", CLIENT + "/goals/{goalId}", CLINICAL, Outsider.HIDDEN, t -> object("status", "on-hold")),
            op("POST", CLIENT + "/goals/{goalId}/progress", CLINICAL, Outsider.HIDDEN, t -> object("note", "Halfway there")),
            // Registering an organisation that is not your own is refused for its kind, whoever holds the id.
            op("PUT", ORG, Set.of(ADMIN), Outsider.REFUSED, t -> object("name", "Renamed", "kind", "case-management")),
            op("GET", ORG, Set.of(ADMIN), Outsider.HIDDEN),
            op("PUT", ORG + "/professionals", Set.of(ADMIN), Outsider.HIDDEN,
                    t -> object("userId", "sweep-newcomer", "displayName", "New Comer", "role", "therapist",
                            "teamIds", List.of(t.org.teamA))),
            op("GET", ORG + "/professionals", Set.of(ADMIN), Outsider.HIDDEN),
            op("GET", ORG + "/teams", Set.of(ADMIN), Outsider.HIDDEN),
            op("PUT", ORG + "/teams/{teamId}", Set.of(ADMIN), Outsider.HIDDEN, t -> object("name", "Renamed team")),

            // session-service
            op("POST", "/api/v1/sessions", CLINICAL, Outsider.HIDDEN, t -> t.session(20, 9)),
            op("GET", "/api/v1/sessions/busy/{professionalId}", STAFF, Outsider.HIDDEN),
            op("POST", "/api/v1/sessions/calendar-feed", STAFF, Outsider.OWN_DATA),
            op("DELETE", "/api/v1/sessions/calendar-feed", STAFF, Outsider.OWN_DATA),
            op("GET", "/api/v1/sessions/calendar/{token}.ics", Set.of(), Outsider.PUBLIC),
            op("GET", "/api/v1/sessions/clients/{clientId}", Set.of(CM, TL, TH, SW, SOL), Outsider.HIDDEN),
            op("GET", "/api/v1/sessions/clients/{clientId}/subject-access", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", "/api/v1/sessions/clients/{clientId}/subject-access/audit", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", ALLIANCE + "/subject-access", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", ALLIANCE + "/subject-access/audit", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", "/api/v1/notifications/clients/{clientId}/subject-access", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", "/api/v1/notifications/clients/{clientId}/subject-access/audit", Set.of(CM, TL, ADMIN), Outsider.HIDDEN),
            op("GET", "/api/v1/sessions/contracts?clientId={clientId}", CLINICAL, Outsider.HIDDEN),
            op("POST", "/api/v1/sessions/contracts", MANAGERS, Outsider.HIDDEN,
                    t -> object("clientId", t.client.id(), "professionalId", t.org.therapist.userId(), "sessionsAgreed", 6)),
            op("POST", "/api/v1/sessions/contracts/{contractId}/ending", MANAGERS, Outsider.HIDDEN,
                    t -> object("kind", "planned")),
            op("GET", "/api/v1/sessions/diary", STAFF, Outsider.OWN_DATA),
            // Clients the caller may not see are left out of the answer: an outsider gets an empty list.
            op("GET", "/api/v1/sessions/next?clientId={clientId}", Set.of(CM, TL, TH, SW, SOL), Outsider.OWN_DATA),
            op("POST", "/api/v1/sessions/series", CLINICAL, Outsider.HIDDEN,
                    t -> object("first", t.session(30, 9), "rrule", "FREQ=WEEKLY;COUNT=2")),
            op("POST", "/api/v1/sessions/series/{seriesId}/cancellation", CLINICAL, Outsider.HIDDEN,
                    t -> object("from", t.today(), "by", "client", "reason", "unwell")),
            op("POST", "/api/v1/sessions/series/{seriesId}/retime", CLINICAL, Outsider.HIDDEN,
                    t -> object("from", t.today(), "start", "14:00", "end", "15:00")),
            op("GET", "/api/v1/sessions/teams/{teamId}", Set.of(TL), Outsider.HIDDEN),
            op("GET", SESSION, Set.of(CM, TL, TH, SW, SOL), Outsider.HIDDEN),
            op("POST", SESSION + "/attendance", STAFF, Outsider.HIDDEN, t -> object("minutesLate", 0)),
            op("POST", SESSION + "/cancellation", STAFF, Outsider.HIDDEN, t -> object("by", "client", "reason", "unwell")),
            op("POST", SESSION + "/missed", STAFF, Outsider.HIDDEN),
            // Notes: every care-team role reaches the permission check, which then decides (403 for some).
            op("POST", SESSION + "/notes", Set.of(CM, TL, TH, SW, SOL), Outsider.HIDDEN, t -> object("text", "A note")),
            op("GET", SESSION + "/notes", Set.of(CM, TL, TH, SW, SOL), Outsider.HIDDEN),
            op("POST", SESSION + "/reschedule", CLINICAL, Outsider.HIDDEN, t -> {
                Map<String, Object> moved = t.session(40, 9);
                return object("start", moved.get("start"), "end", moved.get("end"));
            }),

            // alliance-service
            op("GET", "/api/v1/alliance/caseload", MANAGERS, Outsider.OWN_DATA),
            op("GET", ALLIANCE + "/episodes", CLINICAL, Outsider.HIDDEN),
            op("POST", EPISODE + "/acknowledge", CLINICAL, Outsider.HIDDEN),
            op("POST", EPISODE + "/close", CLINICAL, Outsider.HIDDEN),
            op("POST", EPISODE + "/repairs", CLINICAL, Outsider.HIDDEN, t -> object("strategy", "explore-together")),
            op("POST", ALLIANCE + "/feedback-links", CLINICAL, Outsider.HIDDEN, t -> object()),
            op("POST", ALLIANCE + "/markers", Set.of(CM, TH), Outsider.HIDDEN, t -> object("kind", "withdrawal")),
            op("POST", ALLIANCE + "/responses", CLINICAL, Outsider.HIDDEN, t -> object("professionalId",
                    t.org.therapist.userId(), "measureId", "rapport-session-alliance-check",
                    "answers", Map.of("bond", 7, "goals", 7, "approach", 7, "overall", 7))),
            op("GET", ALLIANCE + "/responses/{responseId}/questionnaire-response", CLINICAL, Outsider.HIDDEN),
            op("GET", ALLIANCE + "/trend", CLINICAL, Outsider.HIDDEN),
            op("GET", "/api/v1/alliance/measures", Set.of(CM, TL, TH, ADMIN), Outsider.OWN_DATA),
            op("GET", "/api/v1/alliance/measures/{measureId}", Set.of(CM, TL, TH, ADMIN), Outsider.OWN_DATA),
            op("GET", "/api/v1/alliance/measures/{measureId}/questionnaire", Set.of(CM, TL, TH, ADMIN), Outsider.OWN_DATA),
            // Wording is imported for the caller's own organisation; this one lacks the items, so it is refused.
            op("PUT", "/api/v1/alliance/measures/{measureId}/wording", Set.of(ADMIN, TL), Outsider.REFUSED,
                    t -> object("resourceType", "Questionnaire", "status", "active")),
            op("GET", "/api/v1/feedback/{token}", Set.of(), Outsider.PUBLIC),
            op("POST", "/api/v1/feedback/{token}", Set.of(), Outsider.PUBLIC,
                    t -> object("answers", Map.of("bond", 7, "goals", 7, "approach", 7, "overall", 7))),

            // notification-service
            op("GET", "/api/v1/notifications/inbox", ANYONE, Outsider.OWN_DATA),
            op("GET", "/api/v1/notifications/inbox/stream?after=0", ANYONE, Outsider.OWN_DATA),
            op("POST", "/api/v1/notifications/inbox/{notificationId}/archive", ANYONE, Outsider.HIDDEN),
            op("POST", "/api/v1/notifications/inbox/{notificationId}/read", ANYONE, Outsider.HIDDEN),
            op("GET", "/api/v1/notifications/preferences", ANYONE, Outsider.OWN_DATA),
            op("PUT", "/api/v1/notifications/preferences", ANYONE, Outsider.OWN_DATA, t -> object()),
            op("GET", "/api/v1/notifications/webhooks", FIRM_SYSTEMS, Outsider.OWN_DATA),
            op("POST", "/api/v1/notifications/webhooks", FIRM_SYSTEMS, Outsider.OWN_DATA,
                    t -> object("url", t.receiver.url(), "eventTypes", List.of("rapport.session.missed.v1"))),
            op("GET", "/api/v1/notifications/webhooks/event-types", FIRM_SYSTEMS, Outsider.OWN_DATA),
            op("GET", HOOK, FIRM_SYSTEMS, Outsider.HIDDEN),
            op("DELETE", HOOK, FIRM_SYSTEMS, Outsider.HIDDEN),
            op("GET", HOOK + "/deliveries", FIRM_SYSTEMS, Outsider.HIDDEN),
            op("POST", HOOK + "/deliveries/{deliveryId}/replay", FIRM_SYSTEMS, Outsider.HIDDEN),
            op("POST", HOOK + "/rotate-secret", FIRM_SYSTEMS, Outsider.HIDDEN, t -> object("overlap", "PT1H")));

    /** The path with every {parameter} replaced by the target's value. */
    static String resolve(String template, Map<String, String> ids) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("No value for a parameter of " + template);
        }
        return path;
    }
}
