package app.rapport.alliance.service;

import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.RepairAttempt;
import app.rapport.alliance.domain.RuptureEpisode;
import app.rapport.alliance.domain.RuptureSignal;
import app.rapport.alliance.rules.EpisodeState;
import app.rapport.alliance.rules.Signal;
import app.rapport.alliance.rules.SignalKind;
import app.rapport.contract.EventType;
import app.rapport.contract.alliance.AllianceTypes;
import app.rapport.contract.alliance.EarlyWarning;
import app.rapport.contract.alliance.RatingDiscrepancy;
import app.rapport.contract.alliance.RepairRecorded;
import app.rapport.contract.alliance.RuptureAcknowledged;
import app.rapport.contract.alliance.RuptureClosed;
import app.rapport.contract.alliance.RuptureDetected;
import app.rapport.contract.alliance.RuptureResolved;
import app.rapport.platform.outbox.OutboxWriter;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rupture episodes of client–professional pairs. Signals open an episode or extend the open one; every transition
 * publishes an alliance event through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class Episodes {

    @Inject
    OutboxWriter outbox;

    @Inject
    ObjectMapper json;

    /** Opens or extends the pair's episode with the signals; returns it (null when there were no signals). */
    @Transactional(Transactional.TxType.MANDATORY)
    public RuptureEpisode raise(ClientRef client, String professionalId, List<Signal> signals, Instant at) {
        if (signals.isEmpty()) {
            return null;
        }
        RuptureEpisode.lockPair(client.clientId, professionalId);
        RuptureEpisode episode = RuptureEpisode.openForUpdate(client.clientId, professionalId).orElse(null);
        boolean opened = episode == null;
        if (opened) {
            episode = new RuptureEpisode();
            episode.id = UUID.randomUUID();
            episode.clientId = client.clientId;
            episode.professionalId = professionalId;
            episode.state = EpisodeState.DETECTED;
            episode.detectedAt = at;
            episode.persist();
        }
        for (Signal signal : signals) {
            RuptureSignal row = new RuptureSignal();
            row.id = UUID.randomUUID();
            row.episodeId = episode.id;
            row.kind = signal.kind();
            row.evidence = write(signal.evidence());
            row.detectedAt = at;
            row.persist();
        }
        if (opened) {
            publish(client, EventType.ALLIANCE_RUPTURE_DETECTED, new RuptureDetected(client.clientId, professionalId, episode.id,
                    signals.stream().map(s -> s.kind().wire()).distinct().toList(), at));
        }
        for (Signal signal : signals) {
            var e = signal.evidence();
            if (signal.kind() == SignalKind.EARLY_WARNING) {
                publish(client, EventType.ALLIANCE_EARLY_WARNING, new EarlyWarning(client.clientId, professionalId, episode.id,
                        e.codes().get("measure"), e.responseIds(), e.observed().get("meanTotal"), e.thresholds().get("cutOff")));
            } else if (signal.kind() == SignalKind.RATING_DISCREPANCY) {
                publish(client, EventType.ALLIANCE_RATING_DISCREPANCY, new RatingDiscrepancy(client.clientId, professionalId,
                        episode.id, e.responseIds().get(0), e.responseIds().get(1), e.observed().get("clientPercentOfMax"),
                        e.observed().get("professionalPercentOfMax")));
            }
        }
        return episode;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RuptureEpisode acknowledge(ClientRef client, RuptureEpisode episode, String by, Instant at) {
        move(episode, EpisodeState.ACKNOWLEDGED);
        episode.acknowledgedAt = at;
        episode.acknowledgedBy = by;
        publish(client, EventType.ALLIANCE_RUPTURE_ACKNOWLEDGED,
                new RuptureAcknowledged(client.clientId, episode.professionalId, episode.id, by, at));
        return episode;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RepairAttempt recordRepair(ClientRef client, RuptureEpisode episode, String strategy, String note, String by,
                                      Instant at) {
        if (!AllianceTypes.REPAIR_STRATEGIES.contains(strategy)) {
            throw ProblemException.invalidField("strategy", "must be one of " + String.join(", ", AllianceTypes.REPAIR_STRATEGIES));
        }
        move(episode, EpisodeState.REPAIR_RECORDED);
        episode.repaired = true;
        RepairAttempt repair = new RepairAttempt();
        repair.id = UUID.randomUUID();
        repair.episodeId = episode.id;
        repair.strategy = strategy;
        repair.note = note;
        repair.recordedBy = by;
        repair.recordedAt = at;
        repair.persist();
        publish(client, EventType.ALLIANCE_REPAIR_RECORDED, new RepairRecorded(client.clientId, episode.professionalId,
                episode.id, repair.id, strategy, by, at));
        return repair;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(ClientRef client, RuptureEpisode episode, UUID responseId, Instant at) {
        move(episode, EpisodeState.RESOLVED);
        episode.endedAt = at;
        episode.endReason = "recovered";
        episode.resolvedBy = responseId;
        double days = Math.max(0, Duration.between(episode.detectedAt, at).toMinutes() / 1440.0);
        publish(client, EventType.ALLIANCE_RUPTURE_RESOLVED, new RuptureResolved(client.clientId, episode.professionalId,
                episode.id, responseId, episode.repaired, Math.round(days * 100) / 100.0, at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(ClientRef client, RuptureEpisode episode, String reason, Instant at) {
        move(episode, EpisodeState.CLOSED_UNRESOLVED);
        episode.endedAt = at;
        episode.endReason = reason;
        publish(client, EventType.ALLIANCE_RUPTURE_CLOSED, new RuptureClosed(client.clientId, episode.professionalId,
                episode.id, reason, episode.repaired, at));
    }

    private static void move(RuptureEpisode episode, EpisodeState next) {
        if (!episode.state.canMoveTo(next)) {
            throw new ProblemException(Problem.of(409, "episode-state", "Not possible in this state",
                    "The episode is " + episode.state.wire() + "; it cannot become " + next.wire()));
        }
        episode.state = next;
    }

    private void publish(ClientRef client, EventType type, Object payload) {
        outbox.append(type, client.clientId, client.organisationId, client.teamId, payload);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
