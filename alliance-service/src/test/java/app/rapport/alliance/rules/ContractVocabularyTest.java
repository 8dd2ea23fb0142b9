package app.rapport.alliance.rules;

import app.rapport.alliance.measures.Rater;
import app.rapport.contract.alliance.AllianceTypes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's vocabulary and the event contract's agree, so every signal and rater can be published. */
class ContractVocabularyTest {

    @Test
    void signalKindsAreExactlyTheContractsSignals() {
        assertEquals(AllianceTypes.SIGNALS, Arrays.stream(SignalKind.values()).map(SignalKind::wire).toList());
    }

    @Test
    void ratersAreExactlyTheContractsRaters() {
        assertEquals(AllianceTypes.RATERS, Arrays.stream(Rater.values()).map(Rater::wire).toList());
    }

    @Test
    void wireNamesReadBack() {
        for (SignalKind kind : SignalKind.values()) {
            assertEquals(kind, SignalKind.fromWire(kind.wire()));
        }
        assertEquals(List.of("detected", "acknowledged", "repair-recorded", "resolved", "closed-unresolved"),
                Arrays.stream(EpisodeState.values()).map(EpisodeState::wire).toList());
    }
}
