package app.rapport.contract.careteam;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone joined a client's care circle. Other services build their authorization read model from
 * these events.
 *
 * @param userId the member's user id (token subject); absent for family members without an account
 * @param organisationId the member's own organisation (for a solicitor: the law firm)
 * @param discipline for therapists, e.g. {@code physiotherapy}, {@code psychology}
 * @param addedBy user id of whoever added the member (optional; the registering case manager adds themselves)
 */
public record MemberJoined(UUID clientId, UUID memberId, String userId, CareTeamRole role, String discipline,
                           String organisationId, LocalDate joinedOn, String addedBy) implements ValidatedPayload {

    /** Without the optional {@code addedBy} (added within v1). */
    public MemberJoined(UUID clientId, UUID memberId, String userId, CareTeamRole role, String discipline,
                        String organisationId, LocalDate joinedOn) {
        this(clientId, memberId, userId, role, discipline, organisationId, joinedOn, null);
    }

    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(memberId, "memberId");
        ValidatedPayload.required(role, "role");
        ValidatedPayload.required(joinedOn, "joinedOn");
        if (role != CareTeamRole.FAMILY) {
            ValidatedPayload.required(userId, "userId");
        }
    }
}
