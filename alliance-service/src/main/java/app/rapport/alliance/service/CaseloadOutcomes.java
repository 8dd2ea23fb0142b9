package app.rapport.alliance.service;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Purpose;
import app.rapport.alliance.measures.Rater;
import app.rapport.alliance.outcomes.OutcomeLinkage;
import app.rapport.alliance.outcomes.OutcomeLinkage.AllianceRating;
import app.rapport.alliance.outcomes.OutcomeLinkage.OutcomeSeries;
import app.rapport.alliance.outcomes.OutcomeLinkage.PairLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads, for the pairs of a caseload, what {@link OutcomeLinkage} needs: each pair's first client alliance ratings and
 * the first and latest totals on its first outcome measure. Two set-based queries over the given pairs, each a few
 * forward or backward steps of the pair's index ({@code feedback_response_pair}) per pair.
 */
@ApplicationScoped
public class CaseloadOutcomes {

    @Inject
    EntityManager entityManager;

    @Inject
    MeasureCatalogue measures;

    public record Pair(UUID clientId, String professionalId) {
    }

    /** Each pair's link; pairs with neither alliance ratings nor outcome responses are left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Pair, PairLink> links(Collection<Pair> pairs) {
        Map<String, MeasureDefinition> byId = measures.forOrganisation(null).stream()
                .collect(Collectors.toMap(MeasureDefinition::id, m -> m));
        UUID[] clients = pairs.stream().map(Pair::clientId).toArray(UUID[]::new);
        String[] professionals = pairs.stream().map(Pair::professionalId).toArray(String[]::new);

        List<Object[]> early = entityManager.createNativeQuery("""
                        select p.client_id, p.professional_id, e.measure_id, e.percent_of_max
                        from unnest(cast(?1 as uuid[]), cast(?2 as text[])) as p(client_id, professional_id)
                        join lateral (
                            select f.measure_id, f.percent_of_max, f.recorded_at, f.id from feedback_response f
                            where f.client_id = p.client_id and f.professional_id = p.professional_id
                              and f.rater = 'client' and f.measure_id = any(cast(?3 as text[]))
                            order by f.recorded_at, f.id limit ?4) e on true
                        order by p.client_id, p.professional_id, e.recorded_at, e.id""")
                .setParameter(1, clients).setParameter(2, professionals)
                .setParameter(3, clientAllianceMeasureIds())
                .setParameter(4, OutcomeLinkage.EARLY_RATINGS)
                .getResultList();
        Map<Pair, List<AllianceRating>> ratings = new HashMap<>();
        for (Object[] row : early) {
            ratings.computeIfAbsent(new Pair((UUID) row[0], (String) row[1]), p -> new ArrayList<>())
                    .add(AllianceRating.of(byId.get((String) row[2]), ((Number) row[3]).doubleValue()));
        }

        List<Object[]> outcomes = entityManager.createNativeQuery("""
                        select p.client_id, p.professional_id, fst.measure_id, fst.total, lst.total, fst.id = lst.id
                        from unnest(cast(?1 as uuid[]), cast(?2 as text[])) as p(client_id, professional_id)
                        join lateral (
                            select f.id, f.measure_id, f.total from feedback_response f
                            where f.client_id = p.client_id and f.professional_id = p.professional_id
                              and f.measure_id = any(cast(?3 as text[]))
                            order by f.recorded_at, f.id limit 1) fst on true
                        join lateral (
                            select f.id, f.total from feedback_response f
                            where f.client_id = p.client_id and f.professional_id = p.professional_id
                              and f.measure_id = fst.measure_id
                            order by f.recorded_at desc, f.id desc limit 1) lst on true""")
                .setParameter(1, clients).setParameter(2, professionals)
                .setParameter(3, ids(byId.values(), m -> m.purpose().isOutcome()))
                .getResultList();
        Map<Pair, OutcomeSeries> series = new HashMap<>();
        for (Object[] row : outcomes) {
            boolean single = (Boolean) row[5];
            series.put(new Pair((UUID) row[0], (String) row[1]), OutcomeSeries.of(byId.get((String) row[2]),
                    ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue(), single ? 1 : 2));
        }

        Map<Pair, PairLink> links = new HashMap<>();
        for (Pair pair : pairs) {
            if (ratings.containsKey(pair) || series.containsKey(pair)) {
                links.put(pair, OutcomeLinkage.link(ratings.getOrDefault(pair, List.of()), series.get(pair)));
            }
        }
        return links;
    }

    /** Ids of the alliance measures a client rates: the ones whose scores say how the relationship is going. */
    public String[] clientAllianceMeasureIds() {
        return ids(measures.forOrganisation(null), m -> m.purpose() == Purpose.ALLIANCE && m.rater() == Rater.CLIENT);
    }

    private static String[] ids(Collection<MeasureDefinition> all, Predicate<MeasureDefinition> which) {
        return all.stream().filter(which).map(MeasureDefinition::id).toArray(String[]::new);
    }
}
