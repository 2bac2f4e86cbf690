package io.kqat.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kqat image (deploy/image/Dockerfile, shipped in the release's kqat-deploy archive) holds what the Kubernetes
 * recipes mount from it: every {@code -javaagent} path they give lies under the image volume's mount and is the
 * release's agent jar there, and the {@code kqat doctor} each broker recipe says to run inside the pod runs from the
 * image's tree with nothing but Java. The image is made by {@link DockerfileSteps} (no container engine here).
 */
class KqatImageTest {
    private static final String V = DeployFiles.version();
    private static final List<String> K8S_RECIPES = List.of("strimzi/kafka.yaml", "strimzi/kafka-connect.yaml",
            "confluent/kafka.yaml", "confluent/connect.yaml");
    private static final Pattern AGENT = Pattern.compile("-javaagent:([^=\\s\"]+)");
    private static final Pattern DOCTOR = Pattern.compile("kubectl exec .* -- (\\S+) doctor");
    private static Path image;

    @BeforeAll
    static void buildTheImagesTree() throws Exception {
        Path dockerfile = DeployFiles.dist("deploy/image/Dockerfile");
        image = DockerfileSteps.imageRoot(dockerfile, DeployFiles.dist("release"), V, DeployFiles.workDir("image"));
    }

    @Test
    void everyAgentPathOfTheRecipesIsTheReleasesAgentInTheImage() throws Exception {
        byte[] agent = Files.readAllBytes(DeployFiles.dist("release/kqat-agent-" + V + ".jar"));
        for (String recipe : K8S_RECIPES) {
            Path file = DeployFiles.dist("deploy/" + recipe);
            List<String> mounts = mountPaths(file);
            List<String> agents = matches(AGENT, Files.readString(file));
            assertThat(agents).as("%s gives the agent", recipe).isNotEmpty();
            for (String path : agents) {
                Path inImage = inImage(mounts, path, recipe);
                assertThat(Files.readAllBytes(inImage)).as("%s: %s is the release's agent", recipe, path)
                        .isEqualTo(agent);
            }
        }
    }

    @Test
    void theDoctorEachBrokerRecipeRunsInThePodRunsFromTheImage() throws Exception {
        for (String recipe : List.of("strimzi/kafka.yaml", "confluent/kafka.yaml")) {
            Path file = DeployFiles.dist("deploy/" + recipe);
            List<String> doctors = matches(DOCTOR, Files.readString(file));
            assertThat(doctors).as("%s says how to run kqat doctor inside a broker", recipe).hasSize(1);
            Path launcher = inImage(mountPaths(file), doctors.get(0), recipe);
            assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();
            JsonNode report = DeployFiles.JSON.readTree(run(launcher, "doctor", "--json"));
            assertThat(report.path("selfTest").asText()).as(recipe).startsWith("ok");
            assertThat(report.path("checks")).as("the container checks").isNotEmpty();
        }
    }

    /** The file a path in the container names, when it lies under one of the recipe's mounts of the image. */
    private static Path inImage(List<String> mounts, String path, String recipe) {
        for (String mount : mounts) {
            if (path.startsWith(mount + "/")) {
                Path p = image.resolve(path.substring(mount.length() + 1));
                assertThat(p).as("%s: %s is in the image", recipe, path).isRegularFile();
                return p;
            }
        }
        throw new AssertionError(recipe + ": " + path + " is under none of its mounts " + mounts);
    }

    /** Every mountPath of a recipe's resources (all of them mount the kqat image). */
    private static List<String> mountPaths(Path file) {
        List<String> mounts = new ArrayList<>();
        for (JsonNode resource : DeployFiles.yamlDocuments(file)) {
            resource.findValuesAsText("mountPath").forEach(mounts::add);
        }
        assertThat(mounts).as("%s mounts the image", file).isNotEmpty();
        return mounts;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The program's stdout, run with only Java and the base system, as in a container the image is mounted into. */
    private static String run(Path program, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(image.toFile());
        Map<String, String> env = b.environment();
        env.clear();
        env.putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", image.toString(), "JAVA_HOME", System.getProperty("java.home")));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, err).isZero();
        return out;
    }
}
