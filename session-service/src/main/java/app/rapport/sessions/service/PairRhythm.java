package app.rapport.sessions.service;

import app.rapport.contract.session.PairHistory;
import app.rapport.sessions.domain.Session;
import app.rapport.sessions.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a client and each professional have been meeting: the gap since their last attended session and
 * their usual interval (the median gap between attended sessions), so the alliance can tell a normal
 * pause from withdrawal.
 */
@ApplicationScoped
public class PairRhythm {

    public List<PairHistory> asOf(Session session) {
        return session.professionalIds().stream().map(professional -> history(session, professional)).toList();
    }

    PairHistory history(Session session, String professional) {
        List<Instant> attended = Session.getEntityManager().createQuery("""
                        select s.startsAt from Session s join s.professionals p
                        where s.clientId = ?1 and p.userId = ?2 and s.status = ?3 and s.startsAt < ?4 and s.id <> ?5
                        order by s.startsAt""", Instant.class)
                .setParameter(1, session.clientId)
                .setParameter(2, professional)
                .setParameter(3, SessionStatus.ATTENDED)
                .setParameter(4, session.startsAt)
                .setParameter(5, session.id)
                .getResultList();
        Double gap = attended.isEmpty() ? null : days(attended.get(attended.size() - 1), session.startsAt);
        return new PairHistory(professional, gap, usualInterval(attended));
    }

    static Double usualInterval(List<Instant> attended) {
        if (attended.size() < 2) {
            return null;
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < attended.size(); i++) {
            gaps.add(days(attended.get(i - 1), attended.get(i)));
        }
        gaps.sort(Double::compare);
        int middle = gaps.size() / 2;
        double median = gaps.size() % 2 == 1 ? gaps.get(middle) : (gaps.get(middle - 1) + gaps.get(middle)) / 2;
        return round(median);
    }

    static double days(Instant from, Instant to) {
        return round(Duration.between(from, to).toMinutes() / 1440.0);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
