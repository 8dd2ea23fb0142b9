package app.rapport.notifications.domain;

public enum Channel {
    IN_APP
}
