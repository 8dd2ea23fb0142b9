package app.rapport.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text in request bodies may hold line breaks and tabs but no other control characters. PostgreSQL
 * cannot store NUL at all, and the others have no place in anything a person writes; refusing them
 * while the body is read gives a 400 naming the field wherever the field is, in every service.
 */
@Singleton
public class ControlCharacters implements ObjectMapperCustomizer {

    /** Refused while a body is read; {@link ProblemMappers} names the field. */
    public static final class RefusedText extends MismatchedInputException {
        RefusedText(JsonParser parser) {
            super(parser, "must not contain control characters");
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rapport-control-characters").addDeserializer(String.class, new Refusing()));
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

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && containsRefused(value)) {
                throw new RefusedText(parser);
            }
            return value;
        }
    }
}
