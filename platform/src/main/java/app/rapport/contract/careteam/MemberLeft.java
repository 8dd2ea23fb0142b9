package app.rapport.contract.careteam;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/** Someone left a client's care circle; from {@code leftOn} they see nothing more about the client. */
public record MemberLeft(UUID clientId, UUID memberId, String userId, CareTeamRole role, LocalDate leftOn)
        implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(memberId, "memberId");
        ValidatedPayload.required(role, "role");
        ValidatedPayload.required(leftOn, "leftOn");
    }
}
