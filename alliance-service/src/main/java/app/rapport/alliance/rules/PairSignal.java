package app.rapport.alliance.rules;

/** A signal for the pair of the event's client and this professional. */
public record PairSignal(String professionalId, Signal signal) {
}
