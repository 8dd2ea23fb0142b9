package app.rapport.clients.access;

import app.rapport.clients.domain.CareCircleMember;
import app.rapport.clients.domain.Client;

import java.util.Optional;

/**
 * Proof that the caller may do something with a client: the client, how the caller stands to them
 * and the basis written to the audit log.
 */
public record Access(Client client, Relationship relationship, String basis, Optional<CareCircleMember> membership) {
}
