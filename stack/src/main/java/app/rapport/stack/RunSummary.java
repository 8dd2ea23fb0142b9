package app.rapport.stack;

import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;

import java.util.List;

/** The block printed once everything is up: where things are, who to be, what to type. */
final class RunSummary {

    private RunSummary() {
    }

    static String of(Platform platform, List<DemoData.CreatedClient> created, List<DemoAlliance.Story> stories) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Rapport is running. Ctrl-C stops everything.\n\n");
        String web = platform.webClientUrl().replace("127.0.0.1", "localhost");
        out.append("Open the web client: ").append(web).append("  and sign in as alice (a case manager with ten clients)\n\n");
        out.append("Services:\n");
        for (String service : platform.serviceNames()) {
            String url = platform.serviceUrl(service);
            out.append(String.format("  %-21s API %s/api/v1%n", service, url));
            String management = platform.managementUrl(service);
            out.append(String.format("  %-21s Swagger UI %s/q/swagger-ui   health %s/q/health (management port)%n", "",
                    management, management));
        }
        String issuer = platform.issuer().issuer();
        out.append(String.format("  %-21s %s (the app; /api/v1/... forwarded to the services above)%n", "web-client", web));
        out.append(String.format("  %-21s %s/users%n", "token issuer", issuer));
        out.append(String.format("  %-21s %s%n", "Kafka", platform.bootstrapServers()));
        out.append(String.format("  %-21s %s%n%n", "logs", platform.logFile("client-service").getParent()));

        out.append("Demo users (fictional):\n");
        out.append(String.format("  %-8s %-16s %-15s %s%n", "username", "name", "roles", "team"));
        for (DemoUser user : DemoUsers.ALL) {
            out.append(String.format("  %-8s %-16s %-15s %s%n", user.username(), user.name(),
                    String.join(",", user.roles()),
                    user.teamIds().isEmpty() ? "- (" + user.organisationId() + ")" : String.join(",", user.teamIds())));
        }

        out.append("\nDemo clients:\n");
        for (DemoData.CreatedClient client : created) {
            out.append(String.format("  %-12s %-22s by %-6s %s%n", client.reference(),
                    client.givenName() + " " + client.familyName(), client.caseManager(), client.id()));
        }

        out.append("\nAlliance stories (see docs/alliance.md, \"Demo data\"):\n");
        for (DemoAlliance.Story story : stories) {
            if (!story.summary().isEmpty()) {
                out.append(String.format("  %-22s %-28s with %-6s %s%n", story.client().givenName() + " "
                        + story.client().familyName(), story.story(), story.professional(), story.summary()));
            }
        }

        String clients = platform.serviceUrl("client-service");
        String notifications = platform.serviceUrl("notification-service");
        out.append("\nTry it (any username above works in place of alice):\n");
        out.append("  TOKEN=$(curl -s " + issuer + "/token/alice)\n");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n"
                + "       -d '{\"givenName\":\"Rosa\",\"familyName\":\"Okonkwo\",\"dateOfBirth\":\"1988-04-23\"}' \\\n"
                + "       " + clients + "/api/v1/clients\n");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" " + notifications + "/api/v1/notifications/inbox\n");
        String alliance = platform.serviceUrl("alliance-service");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" " + alliance + "/api/v1/alliance/caseload\n");
        stories.stream().filter(s -> s.story().equals("v-shaped-repair")).findFirst().ifPresent(s -> out.append(
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + alliance + "/api/v1/alliance/clients/" + s.client().id()
                        + "/trend\n"));
        return out.toString();
    }
}
