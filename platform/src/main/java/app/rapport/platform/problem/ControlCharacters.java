package app.rapport.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text in request bodies may hold line breaks and tabs but no other control characters, and must be
 * well-formed Unicode. PostgreSQL cannot store NUL at all, a lone surrogate (a JSON {@code \ud800}
 * escape, or a malformed UTF-8 byte sequence that {@link StrictJson} turns into one) would be stored
 * as {@code ?}, and the other controls have no place in anything a person writes. Refusing them
 * while the body is read gives a 400 naming the field wherever the field is, in every service.
 */
@Singleton
public class ControlCharacters implements ObjectMapperCustomizer {

    /** Refused while a body is read; {@link ProblemMappers} names the field. */
    public static final class RefusedText extends MismatchedInputException {
        RefusedText(JsonParser parser, String reason) {
            super(parser, reason);
        }

        /** What is wrong with the text, fit to show to the caller. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    static final String CONTROL_CHARACTERS = "must not contain control characters";
    static final String MALFORMED_UNICODE = "must be valid Unicode text (no lone surrogates or malformed UTF-8)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rapport-control-characters")
                .addDeserializer(String.class, new Refusing())
                .addKeyDeserializer(String.class, new RefusingKeys()));
    }

    /** True for C0 controls other than tab, line feed and carriage return, and for DEL. */
    public static boolean isRefused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    static boolean containsRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when a surrogate stands without its partner: such text cannot be written as UTF-8. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The reason a text is refused, or null when it is fine. */
    public static String refusal(String text) {
        if (containsRefused(text)) {
            return CONTROL_CHARACTERS;
        }
        return hasLoneSurrogate(text) ? MALFORMED_UNICODE : null;
    }

    /** Keys of free-form maps (e.g. answers by item id) are text too. */
    private static final class RefusingKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String refusal = refusal(key);
            if (refusal != null) {
                throw new RefusedText(context.getParser(), "keys " + refusal);
            }
            return key;
        }
    }

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String refusal = value == null ? null : refusal(value);
            if (refusal != null) {
                throw new RefusedText(parser, refusal);
            }
            return value;
        }
    }
}
