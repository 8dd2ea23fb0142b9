package app.rapport.platform.input;

import app.rapport.platform.problem.ControlCharacters;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.problem.ProblemMappers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.temporal.Temporal;
import java.util.Arrays;

/**
 * Reads JSON bodies exactly as written, in every service: a whole number is never taken from
 * {@code 2.5} or {@code "2"}, a boolean never from {@code "true"} or {@code 1}, text never from a
 * number, {@code null} never becomes {@code 0} or {@code false}, a key given twice is an error rather
 * than "the last one wins", malformed UTF-8 is refused (see {@link Utf8Repair}), and dates lie within
 * {@link DateBounds}. Each refusal is a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Also for mappers made outside CDI (tests, by-hand readers) that must read the same way. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // null for a primitive is refused by NoNullForPrimitive; leaving the field out still means its default.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType scalar : Arrays.asList(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setInputDecorator(new RepairingMalformedUtf8());
        mapper.registerModule(new SimpleModule("rapport-strict-scalars").setDeserializerModifier(new StrictScalars()));
        return mapper;
    }

    /**
     * A JSON document a service reads by hand (e.g. to give it to another library), held to the same
     * rules as a bound body: duplicate keys and malformed UTF-8 are refused, and so is any text, key
     * or value, that is not well-formed or holds control characters. Refusals are 400s naming the path.
     */
    public static com.fasterxml.jackson.databind.JsonNode readDocument(ObjectMapper mapper, byte[] body) {
        com.fasterxml.jackson.databind.JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? ProblemMappers.readingProblem(json) : Problem.invalid("The body is not valid JSON", java.util.List.of()));
        }
        if (document == null || document.isMissingNode()) {
            throw new ProblemException(Problem.invalid("The body is empty", java.util.List.of()));
        }
        checkText(document, "");
        return document;
    }

    private static void checkText(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isTextual()) {
            refuseText(node.textValue(), path.isEmpty() ? "body" : path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var field : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) node::fields) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                refuseText(field.getKey(), path.isEmpty() ? "body" : path);
                checkText(field.getValue(), at);
            }
        }
    }

    private static void refuseText(String text, String path) {
        String refusal = ControlCharacters.refusal(text);
        if (refusal != null) {
            throw ProblemException.invalidField(path, refusal);
        }
    }

    /** Bodies are small (the HTTP layer limits them), so each is checked whole before the parser sees it. */
    private static final class RepairingMalformedUtf8 extends InputDecorator {
        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            return new ByteArrayInputStream(Utf8Repair.repair(in.readAllBytes()));
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) {
            byte[] body = Arrays.copyOfRange(source, offset, offset + length);
            byte[] repaired = Utf8Repair.repair(body);
            return repaired == body ? null : new ByteArrayInputStream(repaired);
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader; // already text: lone surrogates in it are caught by the string reader
        }
    }

    private static final class StrictScalars extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (Temporal.class.isAssignableFrom(type) && type.getName().startsWith("java.time.")) {
                return new Bounded(deserializer);
            }
            if (type.isPrimitive()) {
                return new NoNullForPrimitive(deserializer);
            }
            return deserializer;
        }
    }

    /**
     * An explicit {@code null} for an {@code int} or {@code boolean} is refused instead of read as 0 or
     * false; a property left out keeps its default, as it always has (Jackson's own switch for this
     * refuses both).
     */
    private static final class NoNullForPrimitive extends DelegatingDeserializer {
        NoNullForPrimitive(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new NoNullForPrimitive(newDelegatee);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (!_delegatee.handledType().isPrimitive()) {
                return _delegatee.getNullValue(context); // a wrapper type sharing the deserializer: null is its value
            }
            throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(context.getParser(), handledType(),
                    "null is not a value of this field");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
            return _delegatee.getNullValue(context);
        }

        @Override
        public com.fasterxml.jackson.databind.util.AccessPattern getNullAccessPattern() {
            return com.fasterxml.jackson.databind.util.AccessPattern.DYNAMIC;
        }
    }

    private static final class Bounded extends DelegatingDeserializer {
        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Dates and times are ISO 8601 text: Jackson would also take epoch numbers and [y, m, d] arrays.
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new NotText(parser, handledType());
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof Temporal temporal && !DateBounds.inRange(temporal)) {
                throw new OutOfRange(parser, value, handledType());
            }
            return value;
        }
    }

    /** A date or time given as a number or an array instead of ISO 8601 text; the problem mapper names the field. */
    public static final class NotText extends MismatchedInputException {
        public static final String MESSAGE = "must be ISO 8601 text, such as 2026-11-24 or 2026-11-24T09:00:00Z";

        NotText(JsonParser parser, Class<?> type) {
            super(parser, MESSAGE, type);
        }
    }

    /** A date outside {@link DateBounds}; the problem mapper names the field. */
    public static final class OutOfRange extends InvalidFormatException {
        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, DateBounds.MESSAGE, value, type);
        }
    }
}
