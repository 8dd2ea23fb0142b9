package app.rapport.alliance.measures;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ships: Rapport's own measures with wording, established measures as structure only. */
class StandardMeasuresTest {

    @Test
    void rapportsOwnMeasuresHaveWordingInEnglishUrduAndPolishAndSayTheyAreNotValidated() {
        for (MeasureDefinition own : List.of(StandardMeasures.SESSION_ALLIANCE, StandardMeasures.REFLECTIVE)) {
            assertEquals(Set.of("en", "ur", "pl"), own.languages(), own.id());
            assertFalse(own.validated(), own.id());
            assertTrue(own.attribution().contains("Not validated"), own.id());
            assertEquals(4, own.itemCount());
            for (Item item : own.items()) {
                for (String language : List.of("en", "ur", "pl")) {
                    assertFalse(item.text().in(language).orElseThrow().isBlank());
                }
            }
            own.scale().anchors().values().forEach(anchor -> assertTrue(anchor.has("ur") && anchor.has("pl")));
        }
        assertEquals(List.of("bond", "goals", "approach", "overall"),
                StandardMeasures.SESSION_ALLIANCE.items().stream().map(Item::linkId).toList());
        assertEquals(Rater.CLIENT, StandardMeasures.SESSION_ALLIANCE.rater());
        assertEquals(Rater.PROFESSIONAL, StandardMeasures.REFLECTIVE.rater());
    }

    @Test
    void urduWordingIsWrittenInArabicScript() {
        String urdu = StandardMeasures.SESSION_ALLIANCE.items().get(0).text().in("ur").orElseThrow();
        assertTrue(urdu.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC));
    }

    @Test
    void establishedMeasuresShipStructureWithoutAnyItemWording() {
        record Expected(String id, int items, int min, int max, Set<String> reversed, Double cutOff, Double rcPoints) {
        }
        List<Expected> expected = List.of(
                new Expected("core-10", 10, 0, 4, Set.of("2", "3"), 11.0, 6.0),
                new Expected("phq-9", 9, 0, 3, Set.of(), 10.0, 6.0),
                new Expected("gad-7", 7, 0, 3, Set.of(), 8.0, 4.0),
                new Expected("srs", 4, 0, 10, Set.of(), 36.0, null),
                new Expected("ors", 4, 0, 10, Set.of(), 25.0, 5.0),
                new Expected("wai-sr", 12, 1, 5, Set.of(), null, null));
        for (Expected e : expected) {
            MeasureDefinition m = StandardMeasures.byId(e.id()).orElseThrow();
            assertEquals(e.items(), m.itemCount(), e.id());
            assertEquals(e.min(), m.scale().min(), e.id());
            assertEquals(e.max(), m.scale().max(), e.id());
            assertEquals(e.reversed(), Set.copyOf(m.items().stream().filter(Item::reversed).map(Item::linkId).toList()), e.id());
            assertEquals(e.cutOff(), m.cutOff(), e.id());
            assertEquals(e.rcPoints(), m.reliableChange() == null ? null : m.reliableChange().points(), e.id());
            assertFalse(m.hasWording(), e.id() + " ships no wording");
            assertTrue(m.items().stream().allMatch(i -> i.text().isEmpty()), e.id());
            assertFalse(m.attribution().isBlank());
            assertFalse(m.licence().isBlank());
        }
        assertEquals(Map.of("task", List.of("1", "2", "10", "12"), "bond", List.of("3", "5", "7", "9"),
                "goal", List.of("4", "6", "8", "11")), StandardMeasures.WAISR.subscales());
    }

    @Test
    void importedWordingMakesAStructureOnlyMeasureUsableWithoutChangingItsScoring() {
        Map<String, LocalizedText> texts = new java.util.HashMap<>();
        StandardMeasures.PHQ9.items().forEach(i -> texts.put(i.linkId(), LocalizedText.of("en", "Organisation text " + i.linkId())));
        MeasureDefinition worded = StandardMeasures.PHQ9.withWording(LocalizedText.of("en", "PHQ-9"), texts, "org-1", "imported");
        assertEquals(Set.of("en"), worded.languages());
        assertTrue(worded.hasWording());
        assertEquals(StandardMeasures.PHQ9.cutOff(), worded.cutOff());
        assertEquals(StandardMeasures.PHQ9.maxTotal(), worded.maxTotal());
    }

    @Test
    void definitionsRefuseInconsistentStructure() {
        assertThrows(IllegalArgumentException.class, () -> new MeasureDefinition("x-1", "1", null, Purpose.ALLIANCE,
                Rater.CLIENT, Scale.of(0, 10), List.of(Item.structural("a", null), Item.structural("a", null)), 0, null,
                null, false, "l", "a"), "duplicate item");
        assertThrows(IllegalArgumentException.class, () -> new MeasureDefinition("x-1", "1", null, Purpose.ALLIANCE,
                Rater.CLIENT, Scale.of(0, 10), List.of(Item.structural("a", null)), 0, 11.0, null, false, "l", "a"),
                "cut-off beyond the maximum total");
        assertThrows(IllegalArgumentException.class, () -> Scale.of(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new Scale(0, 4, Map.of(7, LocalizedText.of("en", "x"))));
    }

    @Test
    void textsFallBackToEnglishAndMatchTheLanguagesPrimarySubtag() {
        LocalizedText text = LocalizedText.of("en", "Hello", "pl", "Cześć");
        assertEquals("Cześć", text.in("pl-PL").orElseThrow());
        assertEquals("Hello", text.in("de").orElseThrow());
        assertTrue(LocalizedText.none().in("en").isEmpty());
    }
}
