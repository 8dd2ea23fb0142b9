package app.rapport.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlCharactersTest {

    record Note(String title, Inner inner) {
    }

    record Inner(String text) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new ControlCharacters().customize(mapper);
        return mapper;
    }

    @Test
    void lineBreaksTabsAndAnyPrintableTextAreRead() throws Exception {
        String text = "first\\nsecond\\r\\nthird\\tcolumn <script> 'quoted' Zoë 😀";
        Note note = mapper().readValue("{\"title\":\"" + text + "\",\"inner\":{\"text\":\"ok\"}}", Note.class);
        assertEquals("first\nsecond\r\nthird\tcolumn <script> 'quoted' Zoë 😀", note.title());
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedNamingTheField() {
        for (String escaped : new String[]{"\\u0000", "\\u0007", "\\u001b", "\\u007f"}) {
            MismatchedInputException refused = assertThrows(ControlCharacters.RefusedText.class, () -> mapper()
                    .readValue("{\"title\":\"fine\",\"inner\":{\"text\":\"bad" + escaped + "\"}}", Note.class));
            assertEquals("inner.text", refused.getPath().stream().map(r -> r.getFieldName()).reduce((a, b) -> a + "." + b)
                    .orElse(""), escaped);
        }
    }

    @Test
    void addressesWithEncodedOrRawControlCharactersAreRecognised() {
        assertTrue(HttpLayerProblems.hasControlCharacter("/api/v1/clients?name=%00"));
        assertTrue(HttpLayerProblems.hasControlCharacter("/api/v1/sessions/busy/a%1Fb"));
        assertTrue(HttpLayerProblems.hasControlCharacter("/api/v1/clients/%7f"));
        assertFalse(HttpLayerProblems.hasControlCharacter("/api/v1/clients?name=O%27Brien%20Zo%C3%AB"));
        assertFalse(HttpLayerProblems.hasControlCharacter("/api/v1/clients?name=100%"));
        assertFalse(HttpLayerProblems.hasControlCharacter("/api/v1/clients?name=%2"));
    }
}
