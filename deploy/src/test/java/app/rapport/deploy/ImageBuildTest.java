package app.rapport.deploy;

import app.rapport.deploy.support.Repository;
import app.rapport.deploy.support.ServiceModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.rapport.deploy.support.Violations.assertNone;

/**
 * No container runtime is needed to check that the image recipe fits what the build produces: the
 * Dockerfile copies Quarkus' fast-jar layout from the named module, runs as a non-root user on a pinned
 * JRE image, and the operations guide gives the build command for every workload.
 */
class ImageBuildTest {

    private static final String DOCKERFILE = "deploy/images/Dockerfile.jvm";

    @Test
    void dockerfileCopiesTheFastJarLayoutAndRunsAsNonRoot() {
        String dockerfile = Repository.read(DOCKERFILE);
        List<String> problems = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        if (!from.find() || !from.group(1).matches(".+:[0-9][^:]*")) {
            problems.add("the base image is not pinned to a version tag");
        }
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            if (!dockerfile.contains("COPY --chown=185 ${MODULE}/target/quarkus-app/" + part)) {
                problems.add("does not copy target/quarkus-app/" + part + " of the module");
            }
        }
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        if (lastUser == null || !lastUser.matches("[1-9][0-9]*")) {
            problems.add("the image must end as a numeric non-root user, not " + lastUser);
        }
        if (!dockerfile.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")) {
            problems.add("does not start quarkus-run.jar");
        }
        assertNone(DOCKERFILE, problems);
    }

    @Test
    void everyWorkloadBuildsAFastJarAndHasADocumentedImageCommand() {
        String guide = Repository.read("docs/operations.md");
        List<String> problems = new ArrayList<>();
        for (String workload : ServiceModule.WORKLOADS) {
            String command = "docker build -f " + DOCKERFILE + " --build-arg MODULE=" + workload + " -t $REGISTRY/" + workload + ":$TAG .";
            if (!guide.contains(command)) {
                problems.add("docs/operations.md lacks the image build command for " + workload);
            }
            var pom = Repository.path(workload + "/pom.xml");
            if (Files.exists(pom) && !Repository.read(workload + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                problems.add(workload + " is not built by the Quarkus plugin, so it has no target/quarkus-app");
            }
            var properties = Repository.path(workload + "/src/main/resources/application.properties");
            if (Files.exists(properties) && Repository.read(workload + "/src/main/resources/application.properties")
                    .matches("(?s).*quarkus\\.package\\.jar\\.type\\s*=\\s*(uber-jar|legacy-jar).*")) {
                problems.add(workload + " packages something other than the fast-jar layout");
            }
        }
        assertNone("images", problems);
    }
}
