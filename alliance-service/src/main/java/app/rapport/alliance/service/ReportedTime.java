package app.rapport.alliance.service;

import app.rapport.alliance.config.AllianceConfig;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * When something a professional records happened: now, or the time they give for a response filled in or a marker
 * seen earlier (after a session, from paper, once back online), within {@link AllianceConfig.Backdating}.
 */
@ApplicationScoped
public class ReportedTime {

    @Inject
    AllianceConfig config;

    /** @param field the request field the time came in, named in the problem if it is refused */
    public Instant of(Instant given, Instant now, String field) {
        if (given == null) {
            return now;
        }
        AllianceConfig.Backdating limits = config.backdating();
        if (given.isAfter(now.plus(limits.clockSkew()))) {
            throw ProblemException.invalidField(field, "is in the future (" + given + "); give the time it happened");
        }
        if (given.isBefore(now.minus(limits.longest()))) {
            throw ProblemException.invalidField(field, "is more than " + limits.longest().toDays() + " days ago");
        }
        return given.isAfter(now) ? now : given;
    }
}
