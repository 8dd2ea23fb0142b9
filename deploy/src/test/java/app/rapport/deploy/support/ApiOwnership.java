package app.rapport.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which service owns which API prefix, read from the services' JAX-RS resources (class-level {@code @Path}). */
public final class ApiOwnership {

    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"(/api/v1/[^/\"]+)");

    private ApiOwnership() {
    }

    /** Prefix such as {@code /api/v1/sessions} to the module serving it. */
    public static Map<String, String> prefixes() {
        Map<String, String> owners = new TreeMap<>();
        for (ServiceModule module : ServiceModule.all()) {
            Path sources = Repository.path(module.name() + "/src/main/java");
            if (!module.isPlatformService() || !Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    Matcher m = CLASS_PATH.matcher(read(file));
                    while (m.find()) {
                        String previous = owners.put(m.group(1), module.name());
                        if (previous != null && !previous.equals(module.name())) {
                            throw new AssertionError(m.group(1) + " is served by both " + previous + " and " + module.name());
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return owners;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
