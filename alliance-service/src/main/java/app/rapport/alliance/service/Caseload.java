package app.rapport.alliance.service;

import app.rapport.alliance.outcomes.OutcomeLinkage;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import app.rapport.platform.time.CareDays;
import jakarta.enterprise.context.ApplicationScoped;
import app.rapport.alliance.measures.ScoreMeaning;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alliance at a glance for a caseload: a case manager's clients (where they are case manager in the care circle)
 * or a team lead's teams' clients. Five set-based queries whatever the caseload size, each an index-only walk of
 * indexes that cover what it reads (V4 migration), so the work grows with the caseload and never with the tables:
 * <ol>
 *   <li>the clients: the caller's memberships ({@code care_circle_member_user}) or the team ({@code client_ref_team});</li>
 *   <li>each measured pair ({@code care_circle_member_client}) with its latest client rating, one backward step of
 *       {@code feedback_response_pair} per pair (a lateral join);</li>
 *   <li>the episodes per pair and over the caseload, in one pass over {@code rupture_episode_client};</li>
 *   <li>and 5. the pairs' early ratings and outcome scores ({@link CaseloadOutcomes}), a few steps of
 *       {@code feedback_response_pair} per pair.</li>
 * </ol>
 * Erased clients need no filter: erasure deletes their rows here.
 */
@ApplicationScoped
public class Caseload {

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Inject
    CaseloadOutcomes outcomes;

    @Inject
    MeasureCatalogue measures;

    private static final OutcomeLinkage.PairLink NOTHING_LINKED = new OutcomeLinkage.PairLink(null, null, null);

    /**
     * @param latestMeaning what the latest rating means: purpose, direction, validated, band (null without a rating)
     * @param earlyAlliancePercent mean percentage of maximum of the pair's first three client alliance ratings
     * @param earlyAlliance how that compares with the cut-off; null while it cannot be classified
     * @param outcomeChange first to latest score on the pair's outcome measure; null while it cannot be judged
     */
    public record PairStatus(String professionalId, Double latestTotal, Double latestPercentOfMax, Boolean latestInConcernRange,
                             String latestMeasureId, ScoreMeaning latestMeaning, Instant lastFeedbackAt, boolean feedbackOverdue, long openEpisodes, long episodes,
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
    public View forCaller(int overdueAfterDays) {
        LocalDate today = CareDays.today();
        boolean teamLead = caller.hasRole(Roles.TEAM_LEAD);
        String scope = teamLead ? "teams:" + String.join(",", caller.teamIds()) : "case-manager:" + caller.userId();
        List<Object[]> clients = teamLead ? teamsClients() : caseManagersClients(today);
        UUID[] ids = clients.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Instant overdueBefore = Instant.now().minus(java.time.Duration.ofDays(overdueAfterDays));

        List<Object[]> pairs = pairsWithLatestRating(ids, today);
        EpisodeCounts episodes = episodeCounts(ids);
        Map<CaseloadOutcomes.Pair, OutcomeLinkage.PairLink> links = outcomes.links(pairs.stream()
                .map(p -> new CaseloadOutcomes.Pair((UUID) p[0], (String) p[1])).toList());

        Map<UUID, List<PairStatus>> byClient = new LinkedHashMap<>();
        Map<String, app.rapport.alliance.measures.MeasureDefinition> measuresById = new java.util.HashMap<>();
        for (Object[] p : pairs) {
            UUID clientId = (UUID) p[0];
            Instant last = p[5] == null ? null : toInstant(p[5]);
            long[] counts = episodes.perPair().getOrDefault(clientId + "/" + p[1], new long[3]);
            OutcomeLinkage.PairLink link = links.getOrDefault(new CaseloadOutcomes.Pair(clientId, (String) p[1]), NOTHING_LINKED);
            Double total = p[2] == null ? null : ((Number) p[2]).doubleValue();
            String measureId = (String) p[6];
            ScoreMeaning meaning = measureId == null ? null : ScoreMeaning.of(measuresById.computeIfAbsent(measureId,
                    id -> measures.require(caller.organisationId().orElse(null), id)), total);
            byClient.computeIfAbsent(clientId, c -> new ArrayList<>()).add(new PairStatus((String) p[1],
                    total, p[3] == null ? null : ((Number) p[3]).doubleValue(),
                    (Boolean) p[4], measureId, meaning, last, last == null || last.isBefore(overdueBefore), counts[0], counts[1], counts[2],
                    round(link.earlyAlliancePercent()), link.earlyAlliance(), link.outcomeChange()));
        }
        List<ClientStatus> statuses = new ArrayList<>();
        for (Object[] c : clients) {
            statuses.add(status((UUID) c[0], (String) c[1], c[2] != null, byClient.getOrDefault((UUID) c[0], List.of())));
        }
        Object[] t = episodes.total();
        long ruptures = ((Number) t[1]).longValue();
        long repaired = ((Number) t[2]).longValue();
        Summary summary = new Summary(statuses.size(), ruptures, ((Number) t[0]).longValue(), repaired,
                ruptures == 0 ? null : (double) repaired / ruptures, t[3] == null ? null : round(((Number) t[3]).doubleValue()));
        return new View(scope, statuses, summary, OutcomeLinkage.tabulate(links.values()));
    }

    private static ClientStatus status(UUID clientId, String teamId, boolean discharged, List<PairStatus> pairs) {
        long open = pairs.stream().mapToLong(PairStatus::openEpisodes).sum();
        Instant last = pairs.stream().map(PairStatus::lastFeedbackAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        String status = discharged ? "discharged" : open > 0 ? "rupture-open"
                : pairs.stream().anyMatch(p -> Boolean.TRUE.equals(p.latestInConcernRange())) ? "low"
                : last == null ? "no-feedback" : "steady";
        return new ClientStatus(clientId, teamId, status, pairs, open, last,
                !discharged && pairs.stream().anyMatch(PairStatus::feedbackOverdue));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> teamsClients() {
        return entityManager.createNativeQuery("""
                        select c.client_id, c.team_id, c.discharged_on from client_ref c
                        where c.organisation_id = ?1 and c.team_id = any(?2)
                        order by c.client_id""")
                .setParameter(1, caller.organisationId().orElse(""))
                .setParameter(2, caller.teamIds().toArray(String[]::new))
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> caseManagersClients(LocalDate today) {
        return entityManager.createNativeQuery("""
                        select c.client_id, c.team_id, c.discharged_on from care_circle_member m
                        join client_ref c on c.client_id = m.client_id
                        where m.user_id = ?1 and m.role = 'case-manager' and (m.left_on is null or m.left_on > ?2)
                        order by c.client_id""")
                .setParameter(1, caller.userId()).setParameter(2, today)
                .getResultList();
    }

    /**
     * Each measured pair of the clients with its latest client alliance rating (client, professional, total, %, concern,
     * at). Outcome measures are left out: their scores run the other way and say nothing of the relationship.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> pairsWithLatestRating(UUID[] ids, LocalDate today) {
        return entityManager.createNativeQuery("""
                        select m.client_id, m.user_id, r.total, r.percent_of_max, r.in_concern_range, r.recorded_at,
                               r.measure_id
                        from care_circle_member m
                        left join lateral (
                            select f.total, f.percent_of_max, f.in_concern_range, f.recorded_at, f.measure_id
                            from feedback_response f
                            where f.client_id = m.client_id and f.professional_id = m.user_id and f.rater = 'client'
                              and f.measure_id = any(cast(?3 as text[]))
                            order by f.recorded_at desc, f.id desc limit 1) r on true
                        where m.client_id = any(?1) and m.role in ('case-manager', 'therapist') and m.user_id is not null
                          and (m.left_on is null or m.left_on > ?2)
                        order by m.client_id, m.user_id""")
                .setParameter(1, ids).setParameter(2, today).setParameter(3, outcomes.clientAllianceMeasureIds())
                .getResultList();
    }

    /**
     * @param perPair "client/professional" → open, all and repaired episodes
     * @param total open, all and repaired episodes over the caseload, and the median days from detection to resolution
     */
    private record EpisodeCounts(Map<String, long[]> perPair, Object[] total) {
    }

    /** Episode counts per pair and over the caseload (the row where grouping(client_id) = 1), in one pass. */
    @SuppressWarnings("unchecked")
    private EpisodeCounts episodeCounts(UUID[] ids) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select client_id, professional_id, grouping(client_id),
                               count(*) filter (where state in ('DETECTED', 'ACKNOWLEDGED', 'REPAIR_RECORDED')),
                               count(*), count(*) filter (where repaired),
                               percentile_cont(0.5) within group (order by extract(epoch from ended_at - detected_at) / 86400.0)
                                   filter (where state = 'RESOLVED')
                        from rupture_episode where client_id = any(?1)
                        group by grouping sets ((client_id, professional_id), ())""")
                .setParameter(1, ids).getResultList();
        Map<String, long[]> perPair = new LinkedHashMap<>();
        Object[] total = {0L, 0L, 0L, null}; // the total row comes even for no episodes; this only guards it
        for (Object[] e : rows) {
            if (((Number) e[2]).intValue() == 1) {
                total = new Object[]{e[3], e[4], e[5], e[6]};
            } else {
                perPair.put(e[0] + "/" + e[1], new long[]{((Number) e[3]).longValue(), ((Number) e[4]).longValue(),
                        ((Number) e[5]).longValue()});
            }
        }
        return new EpisodeCounts(perPair, total);
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
