package app.rapport.contract.client;

import app.rapport.contract.ValidatedPayload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The client's work with the team ended.
 *
 * @param ending {@code planned} or {@code unplanned} (an unplanned ending closes open rupture episodes unresolved)
 */
public record ClientDischarged(UUID clientId, String ending, LocalDate dischargedOn, String dischargedBy)
        implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(clientId, "clientId");
        ValidatedPayload.required(ending, "ending");
        if (!ending.equals("planned") && !ending.equals("unplanned")) {
            throw new IllegalArgumentException("ending must be planned or unplanned");
        }
        ValidatedPayload.required(dischargedOn, "dischargedOn");
        ValidatedPayload.required(dischargedBy, "dischargedBy");
    }
}
