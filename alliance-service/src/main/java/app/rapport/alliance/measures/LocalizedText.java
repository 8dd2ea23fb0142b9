package app.rapport.alliance.measures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A text in several languages, keyed by BCP 47 tag ({@code en}, {@code ur}, {@code pl}). Empty for
 * measures shipped as structure only, until an organisation imports the wording it may use.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final String FALLBACK = "en";

    public LocalizedText {
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
    }

    public static LocalizedText none() {
        return new LocalizedText(Map.of());
    }

    /** Alternating language tag and text, e.g. {@code of("en", "Yes", "pl", "Tak")}. */
    public static LocalizedText of(String... languageAndText) {
        if (languageAndText.length % 2 != 0) {
            throw new IllegalArgumentException("language and text come in pairs");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < languageAndText.length; i += 2) {
            texts.put(languageAndText[i], languageAndText[i + 1]);
        }
        return new LocalizedText(texts);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }

    /** The text in {@code language} (its primary subtag is tried too), else English, else nothing. */
    public Optional<String> in(String language) {
        if (language != null) {
            if (byLanguage.containsKey(language)) {
                return Optional.of(byLanguage.get(language));
            }
            String primary = language.split("-")[0];
            if (byLanguage.containsKey(primary)) {
                return Optional.of(byLanguage.get(primary));
            }
        }
        return Optional.ofNullable(byLanguage.get(FALLBACK));
    }
}
