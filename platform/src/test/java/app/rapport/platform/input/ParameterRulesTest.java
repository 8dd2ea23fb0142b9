package app.rapport.platform.input;

import app.rapport.platform.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterRulesTest {

    public static class Filter {
        @QueryParam("status")
        public String status;
    }

    @Path("/things/{thingId}")
    public static class Resource {
        @QueryParam("trace")
        boolean trace;

        @GET
        public String list(@PathParam("thingId") UUID thingId,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("asOf") Long asOf,
                           @QueryParam("includePast") @DefaultValue("false") boolean includePast,
                           @QueryParam("clientId") List<UUID> clientIds,
                           @QueryParam("name") String name,
                           @BeanParam Filter filter) {
            return "";
        }

        @GET
        @Path("/plain")
        public String plain() {
            return "";
        }
    }

    private static DeclaredParameters declared(String method) throws Exception {
        for (var m : Resource.class.getMethods()) {
            if (m.getName().equals(method)) {
                return DeclaredParameters.of(Resource.class, m);
            }
        }
        throw new AssertionError(method);
    }

    private static MultivaluedMap<String, String> map(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final String ID = "3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b";

    @ParameterizedTest(name = "{0}={1} -> 400 naming {2}")
    @CsvSource({
            "page, abc, page", "page, 2.5, page", "page, 2147483648, page", "page, '', page", "page, 0x10, page",
            "asOf, 99999999999999999999, asOf", "asOf, one, asOf",
            "includePast, maybe, includePast", "includePast, TRUE, includePast", "includePast, 1, includePast",
            "includePast, '', includePast", "trace, yes, trace",
            "clientId, not-a-uuid, clientId", "clientId, 1-1-1-1-1, clientId",
            "clientid, " + ID + ", clientid", "size, 10, size", "status2, x, status2", "PAGE, 1, PAGE"})
    void unreadableOrUnknownQueryParametersAreRefusedNamingThem(String name, String value, String named) throws Exception {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ParameterRules.check(declared("list"), map(name, value), map("thingId", ID)));
        assertEquals(400, refused.problem().status());
        assertEquals(named, refused.problem().errors().get(0).field());
    }

    @ParameterizedTest(name = "path thingId={0}")
    @CsvSource({"abc", "1-1-1-1-1", "3f2b8c4e0a1d4e5f9b6a7c8d9e0f1a2b", "'3f2b8c4e-0a1d-4e5f-9b6a-7c8d9e0f1a2b '"})
    void unreadablePathParametersAreRefusedNamingThem(String value) throws Exception {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ParameterRules.check(declared("list"), map(), map("thingId", value)));
        assertEquals("thingId", refused.problem().errors().get(0).field());
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefused() throws Exception {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ParameterRules.check(declared("list"), map("page", "1", "page", "2"), map("thingId", ID)));
        assertEquals("page", refused.problem().errors().get(0).field());
        assertDoesNotThrow(() -> ParameterRules.check(declared("list"),
                map("clientId", ID, "clientId", UUID.randomUUID().toString()), map("thingId", ID)));
    }

    @Test
    void anOperationWithoutQueryParametersRefusesAny() throws Exception {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ParameterRules.check(declared("plain"), map("clientId", ID), map()));
        assertEquals("clientId", refused.problem().errors().get(0).field());
    }

    @Test
    void everyDeclaredParameterWithAReadableValueIsAccepted() {
        assertDoesNotThrow(() -> ParameterRules.check(declared("list"),
                map("page", "3", "asOf", "-5", "includePast", "true", "trace", "false", "clientId", ID.toUpperCase(),
                        "name", "anything at all", "status", "active"), map("thingId", ID)));
        assertDoesNotThrow(() -> ParameterRules.check(declared("list"), map(), map("thingId", ID)));
    }
}
