package app.rapport.clients.service.cases;

import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.IdempotencyKey;
import app.rapport.clients.domain.LitigationMilestone;
import app.rapport.clients.service.privacy.PersonalDataSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The case (referral, injury and rehabilitation context, funding, litigation) and its milestones. */
@ApplicationScoped
public class CaseSection implements PersonalDataSection {

    @Override
    public String name() {
        return "case";
    }

    @Override
    public Object export(UUID clientId) {
        Map<String, Object> section = new LinkedHashMap<>();
        ClientCase.<ClientCase>findByIdOptional(clientId).ifPresent(c -> {
            section.put("referralDate", c.referralDate);
            section.put("referralSource", c.referralSource);
            section.put("injuryContext", c.injuryContext);
            section.put("rehabilitationContext", c.rehabilitationContext);
            section.put("fundingSource", c.fundingSource);
            section.put("fundingReference", c.fundingReference);
            section.put("firmId", c.firmId);
            section.put("solicitorReference", c.solicitorReference);
            section.put("litigationStage", c.litigationStage == null ? null : c.litigationStage.wire());
            section.put("updatedAt", c.updatedAt);
            section.put("updatedBy", c.updatedBy);
        });
        List<Map<String, Object>> milestones = LitigationMilestone.ofClient(clientId).stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", m.id);
            item.put("kind", m.kind);
            item.put("occurredOn", m.occurredOn);
            item.put("dueOn", m.dueOn);
            item.put("note", m.note);
            item.put("firmId", m.firmId);
            item.put("recordedBy", m.recordedBy);
            item.put("recordedAt", m.recordedAt);
            return item;
        }).toList();
        section.put("milestones", milestones);
        return section;
    }

    @Override
    public void erase(UUID clientId) {
        IdempotencyKey.delete("clientId", clientId);
        LitigationMilestone.delete("clientId", clientId);
        ClientCase.delete("clientId", clientId);
    }
}
