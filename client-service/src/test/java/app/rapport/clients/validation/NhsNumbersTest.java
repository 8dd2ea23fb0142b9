package app.rapport.clients.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NhsNumbersTest {

    @Test
    void acceptsNumbersWhoseCheckDigitMatches() {
        // 9434765919: weighted sum 299, remainder 2, check digit 11 - 2 = 9.
        assertTrue(NhsNumbers.isValid("9434765919"));
        assertTrue(NhsNumbers.isValid("943 476 5919"));
        // 010000001x: weighted sum 9 + 2 = 11, remainder 0: check digit 11, written as 0.
        assertTrue(NhsNumbers.isValid("0100000010"));
        assertFalse(NhsNumbers.isValid("0100000011"));
    }

    @Test
    void refusesAWrongCheckDigitOrShape() {
        assertFalse(NhsNumbers.isValid("9434765918"));
        assertFalse(NhsNumbers.isValid("943476591"));
        assertFalse(NhsNumbers.isValid("94347659190"));
        assertFalse(NhsNumbers.isValid("94347A5919"));
        assertFalse(NhsNumbers.isValid(""));
    }

    @Test
    void refusesNumbersForWhichNoCheckDigitExists() {
        // 000000006x: weighted sum 6 * 2 = 12, remainder 1, check digit 10: no number starting so is valid.
        for (int digit = 0; digit <= 9; digit++) {
            assertFalse(NhsNumbers.isValid("000000006" + digit), "no check digit exists for 000000006");
        }
    }

    @Test
    void normalisesBySpaceRemoval() {
        assertEquals("9434765919", NhsNumbers.normalise("943 476 5919"));
    }
}
