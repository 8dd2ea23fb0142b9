package app.rapport.alliance.service;

import app.rapport.alliance.domain.CareCircleMember;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.contract.CareTeamRole;
import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.subjectaccess.ClientFacts;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What alliance-service holds about a client, for its part of the subject-access export. */
@ApplicationScoped
public class AllianceClientData extends ClientDataDefinition {

    private static final List<ClientDataSection> SECTIONS = List.of(
            // Answers, subscale and total scores, and whether they were in the concern range.
            new ClientDataSection("responses", Set.of("feedback_response"),
                    "select cast(to_jsonb(r) as text) from feedback_response r where r.client_id = ?1 order by r.recorded_at, r.id"),
            // The link's secret stays out: the export must not hand out a working link.
            new ClientDataSection("feedbackLinks", Set.of("feedback_link"),
                    "select cast(to_jsonb(l) - 'token_hash' as text) from feedback_link l where l.client_id = ?1 order by l.created_at, l.id"),
            new ClientDataSection("episodes", Set.of("rupture_episode"),
                    "select cast(to_jsonb(e) as text) from rupture_episode e where e.client_id = ?1 order by e.detected_at, e.id"),
            new ClientDataSection("ruptureSignals", Set.of("rupture_signal"), """
                    select cast(to_jsonb(s) as text) from rupture_signal s join rupture_episode e on e.id = s.episode_id
                    where e.client_id = ?1 order by s.detected_at, s.id"""),
            new ClientDataSection("repairs", Set.of("repair_attempt"), """
                    select cast(to_jsonb(a) as text) from repair_attempt a join rupture_episode e on e.id = a.episode_id
                    where e.client_id = ?1 order by a.recorded_at, a.id"""),
            // Cancellations and moves asked for by the client, which the withdrawal rules weigh.
            new ClientDataSection("clientCancellations", Set.of("client_cancellation"),
                    "select cast(to_jsonb(c) as text) from client_cancellation c where c.client_id = ?1 order by c.session_start, c.session_id"));

    private static final Map<String, String> EXCLUSIONS = Map.of(
            "client_ref", copiedFromClientService("the client's organisation, team, language and discharge"),
            "care_circle_member", copiedFromClientService("the care circle"),
            "consent_decision", copiedFromClientService("the consent decisions"),
            "session_ref", "read model: a copy of the client's sessions from session-service, which exports the original",
            "session_ref_professional", "read model: who each of those sessions is with, from session-service, which exports the original",
            "erased_client", "only the id and time of an erasure, kept by design so late events about the client are dropped");

    public AllianceClientData() {
        super(SECTIONS, EXCLUSIONS);
    }

    @Override
    public Optional<ClientFacts> facts(UUID clientId, String callerId) {
        LocalDate today = CareDays.today();
        return ClientRef.<ClientRef>findByIdOptional(clientId).map(client -> new ClientFacts(client.organisationId, client.teamId,
                CareCircleMember.active(clientId, callerId, today).map(m -> CareTeamRole.fromWire(m.role))));
    }
}
