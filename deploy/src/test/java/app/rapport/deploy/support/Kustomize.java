package app.rapport.deploy.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}. Without kubectl the overlays cannot be checked:
 * in CI (environment variable CI=true) that fails the build, elsewhere the tests are skipped with the reason.
 */
public final class Kustomize {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();
    private static volatile Boolean kubectlPresent;

    private Kustomize() {
    }

    public static Manifests build(String relativeDirectory) {
        return Manifests.parse(render(Repository.path(relativeDirectory)));
    }

    public static String render(Path directory) {
        requireKubectl();
        return RENDERED.computeIfAbsent(directory.normalize(), Kustomize::run);
    }

    private static String run(Path directory) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
            // Read both streams before waiting, so a large output cannot block the process.
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n"
                        + new String(stderr, StandardCharsets.UTF_8));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run kubectl kustomize " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + directory, e);
        }
    }

    private static void requireKubectl() {
        if (kubectlPresent == null) {
            kubectlPresent = kubectlAnswers();
        }
        if (kubectlPresent) {
            return;
        }
        String reason = "kubectl is not installed, so the Kubernetes overlays in deploy/ were NOT rendered or checked"
                + " (Debian/Ubuntu: apt-get install kubectl).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " In CI they must run: .ci/run installs kubectl before the build.");
        }
        System.err.println("[deploy] " + reason);
        Assumptions.abort(reason);
    }

    private static boolean kubectlAnswers() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
