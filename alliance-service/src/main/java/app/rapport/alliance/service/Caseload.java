package app.rapport.alliance.service;

import app.rapport.alliance.outcomes.OutcomeLinkage;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alliance at a glance for a caseload: a case manager's clients (where they are case manager in the care circle)
 * or a team lead's teams' clients. Three set-based queries whatever the caseload size, each driven by an index:
 * the caller's memberships ({@code care_circle_member_user}) or the team ({@code client_ref_team}); each pair's latest
 * client rating (one backward probe of {@code feedback_response_pair} per pair, via a lateral join); and the
 * clients' episodes ({@code rupture_episode_client}).
 */
@ApplicationScoped
public class Caseload {

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Inject
    CaseloadOutcomes outcomes;

    private static final OutcomeLinkage.PairLink NOTHING_LINKED = new OutcomeLinkage.PairLink(null, null, null);

    /**
     * @param earlyAlliancePercent mean percentage of maximum of the pair's first three client alliance ratings
     * @param earlyAlliance how that compares with the cut-off; null while it cannot be classified
     * @param outcomeChange first to latest score on the pair's outcome measure; null while it cannot be judged
     */
    public record PairStatus(String professionalId, Double latestTotal, Double latestPercentOfMax, Boolean latestInConcernRange,
                             Instant lastFeedbackAt, boolean feedbackOverdue, long openEpisodes, long episodes,
                             long repairedEpisodes, Double earlyAlliancePercent, OutcomeLinkage.EarlyAlliance earlyAlliance,
                             OutcomeLinkage.OutcomeChange outcomeChange) {
    }

    public record ClientStatus(UUID clientId, String teamId, String status, List<PairStatus> pairs, long openEpisodes,
                               Instant lastFeedbackAt, boolean feedbackOverdue) {
    }

    public record Summary(int clients, long ruptures, long openRuptures, long repaired, Double repairRate,
                          Double medianDaysToRepair) {
    }

    /** @param outcomeLinkage early alliance against outcome change over the caseload's pairs (method: docs/alliance.md) */
    public record View(String scope, List<ClientStatus> clients, Summary summary, OutcomeLinkage.Table outcomeLinkage) {
    }

    /** @param overdueAfterDays a pair with no client rating for this long (or none at all) is overdue */
    @Transactional
    @SuppressWarnings("unchecked")
    public View forCaller(int overdueAfterDays) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Object[]> clients;
        String scope;
        if (caller.hasRole(Roles.TEAM_LEAD)) {
            scope = "teams:" + String.join(",", caller.teamIds());
            clients = entityManager.createNativeQuery("""
                            select c.client_id, c.team_id, c.discharged_on from client_ref c
                            where c.organisation_id = ?1 and c.team_id = any(?2)
                              and not exists (select 1 from erased_client e where e.client_id = c.client_id)
                            order by c.client_id""")
                    .setParameter(1, caller.organisationId().orElse(""))
                    .setParameter(2, caller.teamIds().toArray(String[]::new))
                    .getResultList();
        } else {
            scope = "case-manager:" + caller.userId();
            clients = entityManager.createNativeQuery("""
                            select c.client_id, c.team_id, c.discharged_on from care_circle_member m
                            join client_ref c on c.client_id = m.client_id
                            where m.user_id = ?1 and m.role = 'case-manager' and (m.left_on is null or m.left_on > ?2)
                            order by c.client_id""")
                    .setParameter(1, caller.userId()).setParameter(2, today)
                    .getResultList();
        }
        UUID[] ids = clients.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Instant overdueBefore = Instant.now().minus(java.time.Duration.ofDays(overdueAfterDays));

        // Each measured pair with its latest client rating.
        List<Object[]> pairs = entityManager.createNativeQuery("""
                        select m.client_id, m.user_id, r.total, r.percent_of_max, r.in_concern_range, r.recorded_at
                        from care_circle_member m
                        left join lateral (
                            select f.total, f.percent_of_max, f.in_concern_range, f.recorded_at from feedback_response f
                            where f.client_id = m.client_id and f.professional_id = m.user_id and f.rater = 'client'
                            order by f.recorded_at desc limit 1) r on true
                        where m.client_id = any(?1) and m.role in ('case-manager', 'therapist') and m.user_id is not null
                          and (m.left_on is null or m.left_on > ?2)
                        order by m.client_id, m.user_id""")
                .setParameter(1, ids).setParameter(2, today).getResultList();

        // Episodes per pair.
        List<Object[]> episodes = entityManager.createNativeQuery("""
                        select client_id, professional_id,
                               count(*) filter (where state in ('DETECTED', 'ACKNOWLEDGED', 'REPAIR_RECORDED')),
                               count(*), count(*) filter (where repaired)
                        from rupture_episode where client_id = any(?1)
                        group by client_id, professional_id""")
                .setParameter(1, ids).getResultList();
        Map<String, long[]> episodeCounts = new LinkedHashMap<>();
        for (Object[] e : episodes) {
            episodeCounts.put(e[0] + "/" + e[1], new long[]{((Number) e[2]).longValue(), ((Number) e[3]).longValue(),
                    ((Number) e[4]).longValue()});
        }
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        select count(*), count(*) filter (where state in ('DETECTED', 'ACKNOWLEDGED', 'REPAIR_RECORDED')),
                               count(*) filter (where repaired),
                               percentile_cont(0.5) within group (order by extract(epoch from ended_at - detected_at) / 86400.0)
                                   filter (where state = 'RESOLVED')
                        from rupture_episode where client_id = any(?1)""")
                .setParameter(1, ids).getSingleResult();

        Map<CaseloadOutcomes.Pair, OutcomeLinkage.PairLink> links = outcomes.links(pairs.stream()
                .map(p -> new CaseloadOutcomes.Pair((UUID) p[0], (String) p[1])).toList());

        Map<UUID, List<PairStatus>> byClient = new LinkedHashMap<>();
        for (Object[] p : pairs) {
            UUID clientId = (UUID) p[0];
            Instant last = p[5] == null ? null : toInstant(p[5]);
            long[] counts = episodeCounts.getOrDefault(clientId + "/" + p[1], new long[3]);
            OutcomeLinkage.PairLink link = links.getOrDefault(new CaseloadOutcomes.Pair(clientId, (String) p[1]), NOTHING_LINKED);
            byClient.computeIfAbsent(clientId, c -> new ArrayList<>()).add(new PairStatus((String) p[1],
                    p[2] == null ? null : ((Number) p[2]).doubleValue(), p[3] == null ? null : ((Number) p[3]).doubleValue(),
                    (Boolean) p[4], last, last == null || last.isBefore(overdueBefore), counts[0], counts[1], counts[2],
                    round(link.earlyAlliancePercent()), link.earlyAlliance(), link.outcomeChange()));
        }
        List<ClientStatus> statuses = new ArrayList<>();
        for (Object[] c : clients) {
            UUID clientId = (UUID) c[0];
            List<PairStatus> clientPairs = byClient.getOrDefault(clientId, List.of());
            long open = clientPairs.stream().mapToLong(PairStatus::openEpisodes).sum();
            Instant last = clientPairs.stream().map(PairStatus::lastFeedbackAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            boolean discharged = c[2] != null;
            String status = discharged ? "discharged" : open > 0 ? "rupture-open"
                    : clientPairs.stream().anyMatch(p -> Boolean.TRUE.equals(p.latestInConcernRange())) ? "low"
                    : last == null ? "no-feedback" : "steady";
            statuses.add(new ClientStatus(clientId, (String) c[1], status, clientPairs, open, last,
                    !discharged && clientPairs.stream().anyMatch(PairStatus::feedbackOverdue)));
        }
        long ruptures = ((Number) totals[0]).longValue();
        long repaired = ((Number) totals[2]).longValue();
        Summary summary = new Summary(statuses.size(), ruptures, ((Number) totals[1]).longValue(), repaired,
                ruptures == 0 ? null : (double) repaired / ruptures,
                totals[3] == null ? null : round(((Number) totals[3]).doubleValue()));
        return new View(scope, statuses, summary, OutcomeLinkage.tabulate(links.values()));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
