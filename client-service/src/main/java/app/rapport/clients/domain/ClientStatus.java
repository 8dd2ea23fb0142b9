package app.rapport.clients.domain;

public enum ClientStatus {
    ACTIVE,
    DISCHARGED
}
