package app.rapport.clients.service.consent;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ConsentRecord;

import java.util.List;

/** A client's consent as the case team reads it: today's effect, every decision (newest first) and the record-keeping agreement. */
public record ConsentState(Client client, List<EffectiveConsent> current, List<ConsentRecord> history) {
}
