package app.rapport.clients.rest;

import app.rapport.clients.domain.CareCircleMember;
import app.rapport.contract.CareTeamRole;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(UUID id, CareTeamRole role, String userId, String displayName, String discipline,
                         String organisationId, String relationship, String phone, String email, LocalDate joinedOn,
                         LocalDate leftOn, boolean active) {

    static MemberView of(CareCircleMember m) {
        return new MemberView(m.id, m.role, m.userId, m.displayName, m.discipline, m.organisationId, m.relationship,
                m.phone, m.email, m.joinedOn, m.leftOn, m.isActive());
    }
}
