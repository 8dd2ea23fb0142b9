package app.rapport.clients.service.consent;

import app.rapport.clients.domain.ConsentRecord;
import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;

import java.util.UUID;

/**
 * What one recipient may see of one category today, and why.
 *
 * @param recipientMemberId set when the line is about one named member (then {@code role} is their role)
 * @param basis {@code default} (no decision yet), {@code decision}, {@code expired} (a grant that ran
 *              out) or {@code never-shared} (no decision can open it)
 * @param decidedBy the record in force, when a decision decides
 */
public record EffectiveConsent(DataCategory category, CareTeamRole role, UUID recipientMemberId, boolean shared,
                               String basis, ConsentRecord decidedBy) {
}
