package app.rapport.clients.rest;

import app.rapport.clients.domain.Client;
import app.rapport.clients.domain.ConsentRecord;
import app.rapport.clients.service.consent.ConsentState;
import app.rapport.clients.service.consent.EffectiveConsent;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The client's consent: what each recipient may see today, every decision (newest first) and the record-keeping agreement. */
public record ConsentView(List<Current> current, List<Decision> history, RecordKeeping recordKeeping) {

    /** One recipient (a role, or a named member) and one category: {@code decision} is {@code granted} or {@code withdrawn}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Current(String category, String recipientRole, UUID recipientMemberId, String decision, String basis,
                          UUID consentId, LocalDate effectiveUntil) {

        static Current of(EffectiveConsent e) {
            return new Current(e.category().wire(), e.recipientMemberId() == null ? e.role().wire() : null,
                    e.recipientMemberId(), e.shared() ? "granted" : "withdrawn", e.basis(),
                    e.decidedBy() == null ? null : e.decidedBy().id,
                    e.decidedBy() == null ? null : e.decidedBy().effectiveUntil);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(UUID id, String category, String recipientRole, UUID recipientMemberId, String decision,
                           LocalDate effectiveFrom, LocalDate effectiveUntil, String note, String recordedBy,
                           Instant recordedAt) {

        static Decision of(ConsentRecord r) {
            return new Decision(r.id, r.category.wire(), r.recipientRole == null ? null : r.recipientRole.wire(),
                    r.recipientMemberId, r.decision.name().toLowerCase(Locale.ROOT), r.effectiveFrom, r.effectiveUntil,
                    r.note, r.recordedBy, r.recordedAt);
        }
    }

    /** {@code retention} is an ISO-8601 period the records are kept for after discharge. */
    public record RecordKeeping(String sharedWith, String retention, LocalDate agreedOn) {

        static RecordKeeping of(Client c) {
            return new RecordKeeping(c.recordsSharedWith, c.recordsRetention, c.recordKeepingAgreedOn);
        }
    }

    static ConsentView of(ConsentState state) {
        return new ConsentView(state.current().stream().map(Current::of).toList(),
                state.history().stream().map(Decision::of).toList(), RecordKeeping.of(state.client()));
    }
}
