package app.rapport.notifications.routing;

import app.rapport.contract.EventEnvelope;
import app.rapport.platform.time.CareDays;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a notification's title and link from the event, in the recipient's language when there is a
 * translation (English otherwise). Only ids, the client reference and coded payload fields are used:
 * events carry no clinical text, and neither do notifications.
 */
public final class Messages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?::(date|datetime))?}");
    private static final String BUNDLE = "app.rapport.notifications.messages";

    public record Text(String title, String link) {
    }

    private Messages() {
    }

    public static Text of(EventEnvelope event, String clientReference, String language) {
        Locale locale = language == null || language.isBlank() ? Locale.UK : Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = shortName(event.type());
        String title = template(bundle, key + ".title", "fallback.title");
        String link = template(bundle, key + ".link", "fallback.link");
        return new Text(fill(title, event, clientReference, locale), fill(link, event, clientReference, locale));
    }

    /** {@code rapport.session.cancelled.v1} → {@code session.cancelled}. */
    static String shortName(String typeName) {
        String name = typeName.startsWith("rapport.") ? typeName.substring("rapport.".length()) : typeName;
        int version = name.lastIndexOf(".v");
        return version > 0 ? name.substring(0, version) : name;
    }

    private static String template(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return bundle.getString(fallback);
        }
    }

    private static String fill(String template, EventEnvelope event, String clientReference, Locale locale) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "ref" -> clientReference;
                case "client" -> event.subject();
                default -> field(event.data(), name, matcher.group(2), locale);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String field(JsonNode data, String name, String format, Locale locale) {
        JsonNode node = data.get(name);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return "";
        }
        String text = node.asText();
        if (format == null) {
            return text;
        }
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(
                    format.equals("date") ? "EEE d MMM yyyy" : "EEE d MMM yyyy, HH:mm", locale);
            return formatter.format(Instant.parse(text).atZone(CareDays.ZONE));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
