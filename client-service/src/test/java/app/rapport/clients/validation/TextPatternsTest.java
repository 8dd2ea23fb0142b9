package app.rapport.clients.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared patterns are published in the API documents, so they avoid Java-only syntax; here they must still accept
 * and refuse exactly what the Java-only forms they replaced ({@code \p{Cntrl}}, an inline {@code (?i)}) did.
 */
class TextPatternsTest {

    private static final Pattern JAVA_CONTROL = Pattern.compile("[^\\p{Cntrl}]*");
    private static final Pattern JAVA_POSTCODE = Pattern.compile("(?i)(GIR ?0AA|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]? ?[0-9][ABD-HJLNP-UW-Z]{2}|"
            + "[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRV-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})");

    @Test
    void singleLineRefusesExactlyTheControlCharactersItDidBefore() {
        Pattern singleLine = Pattern.compile(Text.SINGLE_LINE);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "a" + (char) c + "b";
            assertEquals(JAVA_CONTROL.matcher(text).matches(), singleLine.matcher(text).matches(), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void postcodesAreReadAsBeforeInEitherCase() {
        Pattern postcode = Pattern.compile(Text.UK_POSTCODE);
        List<String> samples = List.of("LS1 4AP", "ls1 4ap", "Ls14aP", "GIR 0AA", "gir0aa", "SW1A 1AA", "sw1a1aa", "EC1A 1BB",
                "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "QA1 1AA", "LS1 4CI", "V1 1AA", "LS1", "LS1 4APX",
                "", "1LS 4AP", "ZZ99 9ZZ", "W1a 0aX", "EC1A1BB ", "gIr 0aA");
        int accepted = 0;
        for (String sample : samples) {
            boolean before = JAVA_POSTCODE.matcher(sample).matches();
            assertEquals(before, postcode.matcher(sample).matches(), sample);
            accepted += before ? 1 : 0;
        }
        assertTrue(accepted > 5 && accepted < samples.size(), "the samples hold both valid and invalid postcodes");
        // Every letter either pattern class allows, in each position, in both cases.
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                for (String code : List.of(first + "1 1" + second + "A", "" + first + second + "1 1AB", first + "1" + second + " 2AB")) {
                    assertEquals(JAVA_POSTCODE.matcher(code).matches(), postcode.matcher(code).matches(), code);
                    String lower = code.toLowerCase();
                    assertEquals(JAVA_POSTCODE.matcher(lower).matches(), postcode.matcher(lower).matches(), lower);
                }
            }
        }
    }
}
