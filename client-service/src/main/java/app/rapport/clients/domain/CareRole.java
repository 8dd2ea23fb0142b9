package app.rapport.clients.domain;

/** A member's role in one client's care circle (not the same as their login role). */
public enum CareRole {
    CASE_MANAGER,
    THERAPIST,
    SUPPORT_WORKER,
    SOLICITOR,
    FAMILY
}
