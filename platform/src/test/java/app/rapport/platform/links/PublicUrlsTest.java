package app.rapport.platform.links;

import app.rapport.platform.config.PublicAddressConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicUrlsTest {

    private static PublicUrls with(String base) {
        PublicAddressConfig config = () -> base;
        return new PublicUrls(config);
    }

    @Test
    void urlsAreTheBaseFollowedByThePath() {
        UUID id = UUID.randomUUID();
        assertEquals(URI.create("https://rapport.example.org/api/v1/clients/" + id),
                with("https://rapport.example.org").of("/api/v1/clients/", id));
        assertEquals(URI.create("https://rapport.example.org/api/v1/clients/" + id),
                with("https://rapport.example.org/").of("/api/v1/clients/", id), "a trailing slash is not doubled");
        assertEquals(URI.create("https://example.org/rapport/feedback/abc"),
                with("https://example.org/rapport").of("/feedback/", "abc"), "a path prefix is kept");
        assertEquals("http://localhost:8080", with("http://localhost:8080").base());
    }

    @Test
    void aBaseThatIsNotAnOriginStopsTheService() {
        for (String bad : List.of("rapport.example.org", "/relative", "ftp://rapport.example.org",
                "https://user@rapport.example.org", "https://rapport.example.org/?x=1", "https://rapport.example.org/#top",
                "https:///nohost", "not a url")) {
            assertThrows(IllegalArgumentException.class, () -> with(bad), bad);
        }
    }
}
