package app.rapport.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Node.js that runs the browser journey: the one on the PATH, else the pinned one the web client's build fetched
 * into the local Maven repository's folder ({@code rapport-node}, see web-client's pom) on a machine without Node.js.
 */
final class NodeRuntime {

    private NodeRuntime() {
    }

    static Optional<Path> find() throws IOException {
        Optional<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isPresent()) {
            return onPath;
        }
        Path fetched = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())).resolveSibling("rapport-node");
        if (!Files.isDirectory(fetched)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(fetched)) {
            return versions.map(home -> home.resolve("node/bin/node")).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder());
        }
    }
}
