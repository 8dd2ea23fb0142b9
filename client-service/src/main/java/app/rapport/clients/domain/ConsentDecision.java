package app.rapport.clients.domain;

/** Whether a consent record shares a category with its recipient or stops the sharing. */
public enum ConsentDecision {
    GRANTED,
    WITHDRAWN
}
