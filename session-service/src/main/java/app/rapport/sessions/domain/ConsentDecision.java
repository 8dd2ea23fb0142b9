package app.rapport.sessions.domain;

public enum ConsentDecision {
    GRANTED,
    WITHDRAWN
}
