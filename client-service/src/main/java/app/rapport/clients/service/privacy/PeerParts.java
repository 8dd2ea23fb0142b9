package app.rapport.clients.service.privacy;

import app.rapport.clients.config.PeersConfig;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.subjectaccess.AuditPart;
import app.rapport.platform.subjectaccess.PeerClient;
import app.rapport.platform.subjectaccess.ServicePart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The other services' parts of a client's record: their subject-access parts and their audit of the client, asked
 * of all of them at once with the caller's token. Every service answers, or the whole request is refused with the
 * 503 naming the one that did not.
 */
@ApplicationScoped
public class PeerParts {

    private record Peer(String service, URI base, String prefix) {
        String path(UUID clientId) {
            return "/api/v1/" + prefix + "/clients/" + clientId + "/subject-access";
        }
    }

    @Inject
    PeersConfig config;

    @Inject
    PeerClient client;

    private List<Peer> peers() {
        return List.of(new Peer("session-service", config.sessionService(), "sessions"),
                new Peer("alliance-service", config.allianceService(), "alliance"),
                new Peer("notification-service", config.notificationService(), "notifications"));
    }

    /** Every other service's part, by service name. */
    public Map<String, ServicePart> parts(UUID clientId) {
        Map<Peer, CompletableFuture<ServicePart>> asked = new LinkedHashMap<>();
        peers().forEach(peer -> asked.put(peer, client.get(peer.service(), peer.base(), peer.path(clientId), ServicePart.class,
                config.timeout())));
        Map<String, ServicePart> parts = new LinkedHashMap<>();
        asked.forEach((peer, answer) -> {
            ServicePart part = PeerClient.await(answer);
            if (!peer.service().equals(part.service()) || !clientId.equals(part.clientId()) || part.sections() == null) {
                throw notItsPart(peer.service());
            }
            parts.put(peer.service(), part);
        });
        return parts;
    }

    /** Every other service's newest {@code limit} audit entries up to {@code until}, with their totals. */
    public List<AuditPart> audits(UUID clientId, Instant until, int limit) {
        Map<Peer, CompletableFuture<AuditPart>> asked = new LinkedHashMap<>();
        peers().forEach(peer -> asked.put(peer, client.get(peer.service(), peer.base(),
                peer.path(clientId) + "/audit?until=" + until + "&limit=" + limit, AuditPart.class, config.timeout())));
        List<AuditPart> parts = new ArrayList<>();
        asked.forEach((peer, answer) -> {
            AuditPart part = PeerClient.await(answer);
            if (!peer.service().equals(part.service()) || part.entries() == null) {
                throw notItsPart(peer.service());
            }
            parts.add(part);
        });
        return parts;
    }

    private static ProblemException notItsPart(String service) {
        return new ProblemException(Problem.of(503, "peer-unavailable", "A service could not answer",
                service + " answered something that is not its part, so nothing was composed; try again shortly"));
    }
}
