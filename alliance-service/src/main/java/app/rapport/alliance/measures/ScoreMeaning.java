package app.rapport.alliance.measures;

/**
 * What a score means, carried beside every score the API shows so that no reader has to guess: what the measure is
 * for, which way is better, whether it is a validated instrument, and the published severity band the total falls in.
 *
 * @param purpose {@code alliance}, {@code practitioner-check-in} or {@code outcome}
 * @param direction {@code higher-is-better} or {@code higher-is-worse}
 * @param validated false for Rapport's own measures
 * @param band null for a measure without published bands
 */
public record ScoreMeaning(String purpose, String direction, boolean validated, SeverityBand band) {

    public static ScoreMeaning of(MeasureDefinition measure, Double total) {
        return new ScoreMeaning(measure.purpose().wire(), measure.direction().wire(), measure.validated(),
                total == null ? null : measure.band(total).orElse(null));
    }
}
