package app.rapport.sessions.service;

import app.rapport.platform.subjectaccess.ClientDataDefinition;
import app.rapport.platform.subjectaccess.ClientDataSection;
import app.rapport.platform.subjectaccess.ClientFacts;
import app.rapport.sessions.domain.CareClient;
import app.rapport.sessions.domain.CareMember;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What session-service holds about a client, for its part of the subject-access export. */
@ApplicationScoped
public class SessionClientData extends ClientDataDefinition {

    private static final List<ClientDataSection> SECTIONS = List.of(
            // Each session with its professionals: schedule, attendance, lateness, cancellations and moves.
            new ClientDataSection("sessions", Set.of("session", "session_professional"), """
                    select cast(to_jsonb(s) || jsonb_build_object('professionalIds',
                        (select coalesce(jsonb_agg(p.user_id order by p.user_id), '[]'::jsonb)
                         from session_professional p where p.session_id = s.id)) as text)
                    from session s where s.client_id = ?1 order by s.starts_at, s.id"""),
            new ClientDataSection("series", Set.of("series"),
                    "select cast(to_jsonb(x) as text) from series x where x.client_id = ?1 order by x.created_at, x.id"),
            new ClientDataSection("contracts", Set.of("session_contract"),
                    "select cast(to_jsonb(c) as text) from session_contract c where c.client_id = ?1 order by c.created_at, c.id"),
            new ClientDataSection("notes", Set.of("session_note"),
                    "select cast(to_jsonb(n) as text) from session_note n where n.client_id = ?1 order by n.created_at, n.id"),
            // Feeds hold no client data, but the client's sessions appear (without their name) in these professionals' feeds.
            new ClientDataSection("calendarFeeds", Set.of(), """
                    select cast(jsonb_build_object('professionalId', f.professional_id, 'feedCreatedAt', f.created_at,
                        'showsTheClientsSessions', true) as text)
                    from calendar_feed f where f.revoked_at is null
                      and f.professional_id in (select p.user_id from session_professional p where p.client_id = ?1)
                    order by f.professional_id"""));

    private static final Map<String, String> EXCLUSIONS = Map.of(
            "care_client", copiedFromClientService("the client's organisation and team"),
            "care_member", copiedFromClientService("the care circle"),
            "care_consent", copiedFromClientService("the consent decisions"));

    public SessionClientData() {
        super(SECTIONS, EXCLUSIONS);
    }

    @Override
    public Optional<ClientFacts> facts(UUID clientId, String callerId) {
        return CareClient.<CareClient>findByIdOptional(clientId).map(client -> new ClientFacts(client.organisationId, client.teamId,
                CareMember.activeMembership(clientId, callerId).map(m -> m.role)));
    }
}
