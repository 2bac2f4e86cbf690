package io.kqat.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The file tree deploy/image/Dockerfile gives its image, made without a container engine (none on the build machines):
 * the instructions of its one build stage run on the host with that stage's root in a directory (COPY from the build
 * context, RUN through sh with its absolute paths under that root), then the final stage's {@code COPY --from} takes
 * the stage's tree. Any other instruction fails, so a Dockerfile this cannot follow is noticed, not ignored.
 */
final class DockerfileSteps {
    private DockerfileSteps() {
    }

    /** Runs the Dockerfile in {@code context} with {@code version} as its VERSION; the image's root directory. */
    static Path imageRoot(Path dockerfile, Path context, String version, Path work) throws Exception {
        Path stage = Files.createDirectories(work.resolve("stage"));
        Path image = null;
        for (String line : instructions(dockerfile)) {
            String[] word = line.replace("${VERSION}", version).split("\\s+", 2);
            switch (word[0]) {
                case "ARG", "FROM" -> { }
                case "COPY" -> {
                    if (word[1].startsWith("--from=")) {
                        String[] fromTo = word[1].split("\\s+");
                        assertThat(fromTo[2]).as("the final stage copies the build stage's tree to its root").isEqualTo("/");
                        image = stage.resolve(relative(fromTo[1]));
                    } else {
                        copy(context, stage, word[1].split("\\s+"));
                    }
                }
                case "RUN" -> run(stage, word[1].replaceAll("(^|\\s)/", "$1" + stage + "/"));
                default -> throw new AssertionError("DockerfileSteps cannot follow: " + line);
            }
        }
        assertThat(image).as("the image is the build stage's tree").isNotNull();
        return image;
    }

    /** The instructions, comments and blank lines left out (no line continuations in kqat's Dockerfile). */
    private static List<String> instructions(Path dockerfile) throws IOException {
        return Files.readAllLines(dockerfile).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static void copy(Path context, Path stage, String[] sourceAndTarget) throws IOException {
        String target = sourceAndTarget[sourceAndTarget.length - 1];
        for (int i = 0; i < sourceAndTarget.length - 1; i++) {
            Path source = context.resolve(sourceAndTarget[i]);
            Path to = target.endsWith("/") ? stage.resolve(relative(target)).resolve(source.getFileName().toString())
                    : stage.resolve(relative(target));
            Files.createDirectories(to.getParent());
            Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void run(Path stage, String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).directory(stage.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("RUN %s: %s", command, out).isZero();
    }

    private static String relative(String absolute) {
        return absolute.replaceFirst("^/+", "");
    }
}
