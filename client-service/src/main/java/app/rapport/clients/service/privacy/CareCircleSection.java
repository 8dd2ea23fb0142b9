package app.rapport.clients.service.privacy;

import app.rapport.clients.domain.CareCircleMember;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The care circle. Professionals' memberships stay after erasure (ids only, needed to explain past
 * access in the audit log); family members' names and contact details are personal data and go.
 */
@ApplicationScoped
public class CareCircleSection implements PersonalDataSection {

    @Override
    public String name() {
        return "careCircle";
    }

    @Override
    public Object export(UUID clientId) {
        List<CareCircleMember> members = CareCircleMember.list("clientId = ?1 order by joinedOn, id", clientId);
        return members.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", m.role.wire());
            row.put("name", m.displayName);
            row.put("discipline", m.discipline);
            row.put("relationship", m.relationship);
            row.put("phone", m.phone);
            row.put("email", m.email);
            row.put("joinedOn", m.joinedOn);
            row.put("leftOn", m.leftOn);
            row.values().removeIf(java.util.Objects::isNull);
            return row;
        }).toList();
    }

    @Override
    public void erase(UUID clientId) {
        CareCircleMember.update("displayName = null, relationship = null, phone = null, email = null "
                + "where clientId = ?1 and userId is null", clientId);
    }
}
