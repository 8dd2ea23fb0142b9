package app.rapport.alliance.rules;

/** One rupture signal for a client–professional pair, with its evidence. */
public record Signal(SignalKind kind, Evidence evidence) {
}
