package app.rapport.contract.session;

import app.rapport.contract.ValidatedPayload;

/**
 * How one client–professional pair has been meeting, as of a session: the alliance reads withdrawal
 * from gaps that grow beyond the pair's usual rhythm.
 *
 * @param gapDays days from the pair's previous attended session to this one; absent for the first
 * @param usualIntervalDays the median gap between the pair's attended sessions so far; absent until there are two
 */
public record PairHistory(String professionalId, Double gapDays, Double usualIntervalDays) implements ValidatedPayload {
    @Override
    public void validate() {
        ValidatedPayload.required(professionalId, "professionalId");
    }
}
