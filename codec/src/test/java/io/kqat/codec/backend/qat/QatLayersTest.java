package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The QAT backend's sub-packages are layers, each using only those below it: the native bindings, then device memory,
 * then device policy, then the request runtime, then the backends and providers in this package. So no sub-package
 * reaches into one above it and there is no cycle. Read from the sources' imports (a class in another package is
 * reached only through an import: nothing here names one in full).
 */
class QatLayersTest {
    private static final String ROOT = "io.kqat.codec.backend.qat";
    private static final List<String> LAYERS = Arrays.asList("nativeapi", "memory", "device", "runtime", "");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT)
            + "(?:\\.([a-z]+))?\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void eachSubPackageImportsOnlyTheLayersBelowIt() throws IOException {
        Path sources = Paths.get("src/main/java", ROOT.split("\\."));
        assertThat(sources).isDirectory();
        List<String> upward = new ArrayList<>();
        int files = 0;
        for (String layer : LAYERS) {
            Path dir = layer.isEmpty() ? sources : sources.resolve(layer);
            List<Path> java;
            try (Stream<Path> list = Files.list(dir)) {
                java = list.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
            }
            assertThat(java).as("sources of layer '%s'", layer).isNotEmpty();
            for (Path file : java) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1) == null ? "" : m.group(1);
                    if (!LAYERS.contains(used) || LAYERS.indexOf(used) >= LAYERS.indexOf(layer) && !used.equals(layer)) {
                        upward.add(file.getFileName() + " (" + (layer.isEmpty() ? "top" : layer) + ") imports "
                                + (used.isEmpty() ? "the top package" : used));
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(40);
        assertThat(upward).as("imports of a layer above or beside").isEmpty();
    }
}
