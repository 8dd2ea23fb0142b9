package app.rapport.alliance.config;

import app.rapport.alliance.rules.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rupture-rule thresholds (defaults, and per organisation: {@code rapport.alliance.organisations."org-id".*})
 * and feedback links.
 */
@ConfigMapping(prefix = "rapport.alliance")
public interface AllianceConfig {

    Rules rules();

    /** Per-organisation overrides of {@link #rules()}; anything not set falls back to the default. */
    Map<String, Overrides> organisations();

    Links links();

    Backdating backdating();

    interface Rules {
        @WithDefault("24")
        double lateCancellationHours();

        @WithDefault("48")
        double professionalShortNoticeHours();

        @WithDefault("2")
        int repeatedCancellations();

        @WithDefault("30")
        int repeatedCancellationWindowDays();

        /** A move keeps the client coming, so it takes one more than cancellations to read as withdrawal. */
        @WithDefault("3")
        int repeatedReschedules();

        @WithDefault("30")
        int repeatedReschedulingWindowDays();

        @WithDefault("15")
        int latenessMinutes();

        @WithDefault("2.0")
        double unusualGapFactor();

        @WithDefault("95")
        double ceilingPercent();

        @WithDefault("14")
        int discrepancyWindowDays();

        @WithDefault("3")
        int earlyWarningSessions();

        @WithDefault("3")
        int baselineScores();
    }

    interface Overrides {
        Optional<Double> lateCancellationHours();

        Optional<Double> professionalShortNoticeHours();

        Optional<Integer> repeatedCancellations();

        Optional<Integer> repeatedCancellationWindowDays();

        Optional<Integer> repeatedReschedules();

        Optional<Integer> repeatedReschedulingWindowDays();

        Optional<Integer> latenessMinutes();

        Optional<Double> unusualGapFactor();

        Optional<Double> ceilingPercent();

        Optional<Integer> discrepancyWindowDays();

        Optional<Integer> earlyWarningSessions();

        Optional<Integer> baselineScores();
    }

    interface Links {
        /** How long a feedback link stays valid. */
        @WithDefault("P4D")
        Duration expiry();
    }

    /** How far a professional may date a response or a marker before the moment they record it. */
    interface Backdating {
        /** Devices' clocks differ a little: a time up to this far ahead of the service's clock is taken as given. */
        @WithDefault("PT5M")
        Duration clockSkew();

        /** Older than this is not a late entry of a recent session but a historical import, which this is not for. */
        @WithDefault("P366D")
        Duration longest();
    }

    default Thresholds thresholdsFor(String organisationId) {
        Rules d = rules();
        Optional<Overrides> o = Optional.ofNullable(organisationId).map(id -> organisations().get(id));
        return new Thresholds(
                o.flatMap(Overrides::lateCancellationHours).orElse(d.lateCancellationHours()),
                o.flatMap(Overrides::professionalShortNoticeHours).orElse(d.professionalShortNoticeHours()),
                o.flatMap(Overrides::repeatedCancellations).orElse(d.repeatedCancellations()),
                o.flatMap(Overrides::repeatedCancellationWindowDays).orElse(d.repeatedCancellationWindowDays()),
                o.flatMap(Overrides::repeatedReschedules).orElse(d.repeatedReschedules()),
                o.flatMap(Overrides::repeatedReschedulingWindowDays).orElse(d.repeatedReschedulingWindowDays()),
                o.flatMap(Overrides::latenessMinutes).orElse(d.latenessMinutes()),
                o.flatMap(Overrides::unusualGapFactor).orElse(d.unusualGapFactor()),
                o.flatMap(Overrides::ceilingPercent).orElse(d.ceilingPercent()),
                o.flatMap(Overrides::discrepancyWindowDays).orElse(d.discrepancyWindowDays()),
                o.flatMap(Overrides::earlyWarningSessions).orElse(d.earlyWarningSessions()),
                o.flatMap(Overrides::baselineScores).orElse(d.baselineScores()));
    }
}
