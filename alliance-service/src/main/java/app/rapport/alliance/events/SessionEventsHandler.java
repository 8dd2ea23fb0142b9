package app.rapport.alliance.events;

import app.rapport.alliance.access.AllianceAccess;
import app.rapport.alliance.config.AllianceConfig;
import app.rapport.alliance.domain.CareCircleMember;
import app.rapport.alliance.domain.ClientCancellation;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.alliance.rules.PairSignal;
import app.rapport.alliance.rules.SessionRules;
import app.rapport.alliance.rules.Signal;
import app.rapport.alliance.rules.Thresholds;
import app.rapport.alliance.service.Episodes;
import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.platform.inbox.EventHandler;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Withdrawal signals (including repeated moves the client asked for) and professionals' short-notice cancellations,
 * from session events. Only pairs whose
 * professional is a case manager or therapist in the client's care circle are measured.
 */
@ApplicationScoped
public class SessionEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(SessionEventsHandler.class);

    @Inject
    Episodes episodes;

    @Inject
    AllianceConfig config;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.SESSION_MISSED, EventType.SESSION_ATTENDED, EventType.SESSION_CANCELLED,
                EventType.SESSION_RESCHEDULED);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (ErasedClient.findById(event.clientId()) != null) {
            return;
        }
        ClientRef client = ClientRef.findById(event.clientId());
        if (client == null) {
            LOG.infof("Session event %s for client %s, who is not known here; no signals", event.id(), event.clientId());
            return;
        }
        Thresholds t = config.thresholdsFor(client.organisationId);
        List<PairSignal> signals = switch (EventType.fromTypeName(event.type()).orElseThrow()) {
            case SESSION_MISSED -> SessionRules.missed(event.dataAs(SessionMissed.class), t);
            case SESSION_ATTENDED -> SessionRules.attended(event.dataAs(SessionAttended.class), t);
            case SESSION_CANCELLED -> cancelled(event.dataAs(SessionCancelled.class), t);
            case SESSION_RESCHEDULED -> rescheduled(event.dataAs(SessionRescheduled.class), t);
            default -> List.of();
        };
        Map<String, List<Signal>> byPair = new LinkedHashMap<>();
        for (PairSignal signal : signals) {
            byPair.computeIfAbsent(signal.professionalId(), p -> new ArrayList<>()).add(signal.signal());
        }
        LocalDate today = CareDays.today();
        Instant at = Instant.now();
        byPair.forEach((professional, pairSignals) -> {
            boolean measured = CareCircleMember.active(client.clientId, professional, today)
                    .filter(m -> AllianceAccess.PAIR_ROLES.contains(m.role)).isPresent();
            if (measured) {
                episodes.raise(client, professional, pairSignals, at);
            }
        });
    }

    private List<PairSignal> cancelled(SessionCancelled cancelled, Thresholds t) {
        Map<String, List<Instant>> earlier = "client".equals(cancelled.cancelledBy())
                ? givenUp(cancelled.clientId(), cancelled.professionalIds(), cancelled.sessionId(), cancelled.start(), false)
                : Map.of();
        return SessionRules.cancelled(cancelled, earlier, t);
    }

    private List<PairSignal> rescheduled(SessionRescheduled moved, Thresholds t) {
        Map<String, List<Instant>> earlier = "client".equals(moved.requestedBy())
                ? givenUp(moved.clientId(), moved.professionalIds(), moved.sessionId(), moved.previousStart(), true)
                : Map.of();
        return SessionRules.rescheduled(moved, earlier, t);
    }

    /** Per professional of the session: the client's earlier give-ups of the same kind; this one is recorded. */
    private static Map<String, List<Instant>> givenUp(UUID clientId, List<String> professionals, UUID sessionId,
                                                      Instant start, boolean rescheduled) {
        Map<String, List<Instant>> earlier = new HashMap<>();
        for (String professional : professionals) {
            earlier.put(professional, ClientCancellation.earlierAndRecord(clientId, professional, sessionId, start,
                    rescheduled));
        }
        return earlier;
    }
}
