package io.kqat.deploy.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.nio.file.Path;
import java.util.List;

/** One recipe file: its resources, found by kind and name. */
record Recipe(Path file, List<JsonNode> resources) {

    static Recipe of(Path file) {
        return new Recipe(file, DeployFiles.yamlDocuments(file));
    }

    /** The source (placeholders) and the release's copy (filled in) of a recipe, e.g. strimzi/kafka.yaml. */
    static List<Recipe> sourceAndRelease(String relative) {
        return List.of(of(DeployFiles.file(relative)), of(DeployFiles.dist("deploy/" + relative)));
    }

    boolean isRelease() {
        return file.toString().contains("/dist/target/");
    }

    JsonNode one(String kind) {
        List<JsonNode> found = resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError(file + " should hold one " + kind + ", holds " + found.size());
        }
        return found.get(0);
    }

    /** The value of an env entry of a container template, or null. */
    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
