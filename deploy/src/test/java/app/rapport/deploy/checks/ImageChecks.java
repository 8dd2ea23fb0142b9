package app.rapport.deploy.checks;

import app.rapport.deploy.support.Manifests;
import app.rapport.deploy.support.Repository;
import app.rapport.deploy.support.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Images are pinned (a tag that is not latest, or a digest), and each overlay sets every Rapport image. */
public final class ImageChecks {

    private ImageChecks() {
    }

    public static List<String> pinned(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            String image = Workloads.container(deployment).getImage();
            checkPinned(problems, name, image);
            String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image.substring(0, image.lastIndexOf(':'));
            if (!repository.endsWith("/" + name)) {
                problems.add(name + " runs image " + image + ", not its own");
            }
        }
        manifests.ofKind("Cluster").forEach(c -> checkPinned(problems, "Cluster " + c.path("metadata").path("name").asText(),
                c.path("spec").path("imageName").asText()));
        return problems;
    }

    private static void checkPinned(List<String> problems, String owner, String image) {
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            problems.add(owner + ": image " + image + " has no tag");
        } else if (image.substring(colon + 1).equals("latest")) {
            problems.add(owner + ": image " + image + " uses latest");
        }
    }

    /** The overlay's kustomization names every Rapport image with a registry and a fixed tag or digest. */
    public static List<String> setByOverlay(Manifests manifests, String overlay) {
        JsonNode kustomization = kustomization(overlay + "/kustomization.yaml");
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String image = "rapport/" + deployment.getMetadata().getName();
            JsonNode entry = null;
            for (JsonNode candidate : kustomization.path("images")) {
                if (candidate.path("name").asText().equals(image)) {
                    entry = candidate;
                }
            }
            if (entry == null) {
                problems.add(overlay + " does not set image " + image + " (kustomize images)");
            } else if (!entry.hasNonNull("newName") || !(entry.hasNonNull("newTag") || entry.hasNonNull("digest"))
                    || "latest".equals(entry.path("newTag").asText())) {
                problems.add(overlay + " sets image " + image + " without a registry and a fixed tag or digest");
            }
        }
        return problems;
    }

    private static JsonNode kustomization(String relative) {
        try {
            return new YAMLMapper().readTree(Repository.read(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
