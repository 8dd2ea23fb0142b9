package app.rapport.clients.domain;

public enum ClientStatus {
    ACTIVE,
    DISCHARGED,
    /** Personal data removed; only ids remain. */
    ERASED
}
