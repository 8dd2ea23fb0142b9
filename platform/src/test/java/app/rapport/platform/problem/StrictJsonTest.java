package app.rapport.platform.problem;

import app.rapport.platform.input.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every kind of silent coercion and malformed text, read by a mapper configured as every service's is. */
class StrictJsonTest {

    record Body(int count, Integer score, boolean flag, Boolean optionalFlag, String text, Double ratio,
                Map<String, Integer> answers, List<Integer> values, Inner inner, Instant at, LocalDate day,
                LocalDateTime local) {
    }

    record Inner(String note, Integer level) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new ControlCharacters().customize(mapper);
        return StrictJson.apply(mapper);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"count\":2.5}", "count"),
                Arguments.of("{\"count\":\"2\"}", "count"),
                Arguments.of("{\"count\":null}", "count"),
                Arguments.of("{\"count\":true}", "count"),
                Arguments.of("{\"score\":2.5}", "score"),
                Arguments.of("{\"score\":\"2\"}", "score"),
                Arguments.of("{\"score\":\"\"}", "score"),
                Arguments.of("{\"score\":2.0}", "score"),
                Arguments.of("{\"score\":1e2}", "score"),
                Arguments.of("{\"flag\":\"true\"}", "flag"),
                Arguments.of("{\"flag\":1}", "flag"),
                Arguments.of("{\"flag\":null}", "flag"),
                Arguments.of("{\"optionalFlag\":\"false\"}", "optionalFlag"),
                Arguments.of("{\"optionalFlag\":0}", "optionalFlag"),
                Arguments.of("{\"text\":5}", "text"),
                Arguments.of("{\"text\":2.5}", "text"),
                Arguments.of("{\"text\":false}", "text"),
                Arguments.of("{\"ratio\":\"0.5\"}", "ratio"),
                Arguments.of("{\"answers\":{\"a\":2.5}}", "answers.a"),
                Arguments.of("{\"answers\":{\"a\":\"2\"}}", "answers.a"),
                Arguments.of("{\"answers\":{\"a\":1,\"a\":2}}", "answers.a"),
                Arguments.of("{\"answers\":{\"a\\ud800\":1}}", "answers"),
                Arguments.of("{\"answers\":{\"a\\u0000\":1}}", "answers"),
                Arguments.of("{\"day\":\"x\\ud800\"}", "day"),
                Arguments.of("{\"values\":[1,2.5]}", "values[1]"),
                Arguments.of("{\"values\":[1,\"2\"]}", "values[1]"),
                Arguments.of("{\"inner\":{\"level\":\"3\"}}", "inner.level"),
                Arguments.of("{\"count\":1,\"count\":2}", "count"),
                Arguments.of("{\"inner\":{\"note\":\"a\",\"note\":\"b\"}}", "inner.note"),
                Arguments.of("{\"text\":\"x\\ud800\"}", "text"),
                Arguments.of("{\"text\":\"\\udc00x\"}", "text"),
                Arguments.of("{\"text\":\"\\udc00\\ud800\"}", "text"),
                Arguments.of("{\"inner\":{\"note\":\"\\ud83d\"}}", "inner.note"),
                Arguments.of("{\"at\":\"-999999999-01-01T00:00:00Z\"}", "at"),
                Arguments.of("{\"at\":\"+1000000-01-01T00:00:00Z\"}", "at"),
                Arguments.of("{\"at\":\"1899-12-31T23:59:59Z\"}", "at"),
                Arguments.of("{\"at\":\"2201-01-01T00:00:00Z\"}", "at"),
                Arguments.of("{\"day\":\"0001-01-01\"}", "day"),
                Arguments.of("{\"day\":\"+99999-01-01\"}", "day"),
                Arguments.of("{\"local\":\"1500-03-29T10:00\"}", "local"),
                // Dates and times are text: epoch numbers and component arrays are coercions too.
                Arguments.of("{\"at\":1764000000}", "at"),
                Arguments.of("{\"at\":1764000000.5}", "at"),
                Arguments.of("{\"at\":[2026,11,24]}", "at"),
                Arguments.of("{\"day\":20261124}", "day"),
                Arguments.of("{\"day\":[2026,11,24]}", "day"),
                Arguments.of("{\"day\":true}", "day"),
                Arguments.of("{\"local\":[2026,3,29,10,0]}", "local"),
                Arguments.of("{\"local\":1764000000}", "local"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refused")
    void refusedNamingTheField(String json, String field) {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> mapper().readValue(json.getBytes(StandardCharsets.UTF_8), Body.class));
        Problem problem = ProblemMappers.readingProblem(refused);
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size(), problem.toString());
        assertEquals(field, problem.errors().get(0).field(), problem.toString());
        assertFalse(InternalNames.mentioned(problem.detail()), problem.detail());
        assertFalse(ControlCharacters.hasLoneSurrogate(problem.detail()), "the refused text is not echoed as it was");
    }

    /** Raw bytes that are not well-formed UTF-8, placed inside a string value. */
    static Stream<Arguments> malformedUtf8() {
        return Stream.of(
                Arguments.of("overlong slash", new byte[]{(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong NUL", new byte[]{(byte) 0xC0, (byte) 0x80}),
                Arguments.of("overlong three-byte", new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("overlong four-byte", new byte[]{(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("encoded surrogate", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("stray continuation", new byte[]{(byte) 0x80}),
                Arguments.of("truncated sequence", new byte[]{(byte) 0xE2, (byte) 0x82}),
                Arguments.of("invalid byte FF", new byte[]{(byte) 0xFF}),
                Arguments.of("beyond U+10FFFF", new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void malformedUtf8InAStringIsRefusedNamingTheField(String name, byte[] bad) throws Exception {
        for (String field : List.of("text", "inner.note")) {
            byte[] json = inString(field, bad);
            JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                    () -> mapper().readValue(json, Body.class));
            Problem problem = ProblemMappers.readingProblem(refused);
            assertEquals(field, problem.errors().get(0).field(), problem.toString());
            // The same through a stream, as the REST layer reads bodies.
            JsonProcessingException streamed = assertThrows(JsonProcessingException.class,
                    () -> mapper().readValue(new java.io.ByteArrayInputStream(json), Body.class));
            assertEquals(field, ProblemMappers.readingProblem(streamed).errors().get(0).field());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void malformedUtf8OutsideAStringIsNotJson(String name, byte[] bad) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes("{\"count\":1,".getBytes(StandardCharsets.UTF_8));
        json.writeBytes(bad);
        json.writeBytes("\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> mapper().readValue(json.toByteArray(), Body.class));
        assertEquals(400, ProblemMappers.readingProblem(refused).status());
    }

    @org.junit.jupiter.api.Test
    void aPrimitiveLeftOutKeepsItsDefaultButNullIsRefused() throws Exception {
        Body body = mapper().readValue("{\"text\":\"t\"}", Body.class);
        assertEquals(0, body.count());
        assertFalse(body.flag());
    }

    @org.junit.jupiter.api.Test
    void valuesWrittenAsSpecifiedAreRead() throws Exception {
        String json = "{\"count\":2,\"score\":-3,\"flag\":true,\"optionalFlag\":false,\"text\":\"Zoë 😀 \\ud83d\\ude00 ok\","
                + "\"ratio\":0.5,\"answers\":{\"a\":1,\"b\":10},\"values\":[1,2],\"inner\":{\"note\":\"n\",\"level\":null},"
                + "\"at\":\"2026-11-24T09:00:00Z\",\"day\":\"1900-01-01\",\"local\":\"2200-12-31T23:59\"}";
        Body body = mapper().readValue(json.getBytes(StandardCharsets.UTF_8), Body.class);
        assertEquals(2, body.count());
        assertEquals(-3, body.score());
        assertEquals("Zoë 😀 😀 ok", body.text());
        assertEquals(Map.of("a", 1, "b", 10), body.answers());
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), body.at());
        assertEquals(LocalDate.of(1900, 1, 1), body.day());
        assertNotNull(body.local());
    }

    private static byte[] inString(String field, byte[] bad) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        String open = field.equals("text") ? "{\"text\":\"before" : "{\"inner\":{\"note\":\"before";
        json.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        json.writeBytes(bad);
        json.writeBytes((field.equals("text") ? "after\"}" : "after\"}}").getBytes(StandardCharsets.UTF_8));
        return json.toByteArray();
    }
}
