package app.rapport.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the Rapport repository, which the deploy tests read as the source of truth. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("rapport.repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relative, e);
        }
    }
}
