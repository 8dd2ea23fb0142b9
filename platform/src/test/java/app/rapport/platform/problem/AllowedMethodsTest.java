package app.rapport.platform.problem;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowedMethodsTest {

    @Path("/api/v1/things")
    public static class Things {
        @POST
        public void create() {
        }

        @GET
        public void list() {
        }

        @GET
        @Path("/{id}")
        public void one() {
        }

        @PUT
        @Path("{id}/")
        public void replace() {
        }

        @GET
        @Path("/diary")
        public void diary() {
        }

        @POST
        @Path("/{id}/notes")
        public void note() {
        }

        @GET
        @Path("/calendar/{token}.ics")
        public void feed() {
        }

        @DELETE
        @Path("/numbered/{n: [0-9]+}")
        public void numbered() {
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/things | GET, HEAD, OPTIONS, POST",
            "/api/v1/things/ | GET, HEAD, OPTIONS, POST",
            "/api/v1/things/42 | GET, HEAD, OPTIONS, PUT",
            "/api/v1/things/diary | GET, HEAD, OPTIONS",
            "/api/v1/things/42/notes | OPTIONS, POST",
            "/api/v1/things/calendar/abc.ics | GET, HEAD, OPTIONS",
            "/api/v1/things/numbered/7 | DELETE, OPTIONS",
            "api/v1/things | GET, HEAD, OPTIONS, POST"})
    void allowListsTheMethodsOfTheBestMatchingTemplates(String path, String allow) {
        assertEquals(allow, AllowedMethods.allowed(AllowedMethods.routesOf(List.of(Things.class)), path));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/other", "/api/v1/things/42/notes/9", "/api/v1/things/numbered/x", "/"})
    void pathsOfNoTemplateHaveNoAllow(String path) {
        assertEquals(null, AllowedMethods.allowed(AllowedMethods.routesOf(List.of(Things.class)), path));
    }
}
