package io.kqat.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The zstd packages are layers as gzip's are: the SPI knows no backend, the backends (libzstd, the LZ4s converter)
 * know the SPI only, the ladder no backend, and only the engine knows the ladder. Read from the sources' imports.
 */
class ZstdLayersTest {
    private static final String ROOT = "io.kqat.codec.zstd";
    private static final Map<String, List<String>> MAY_IMPORT = Map.of(
            "spi", List.of(),
            "lz4s", List.of("spi"),
            "libzstd", List.of("spi"),
            "ladder", List.of("spi"),
            "engine", List.of("spi", "ladder"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT)
            + "\\.([a-z0-9]+)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void eachPackageImportsOnlyTheLayersItMay() throws IOException {
        Path sources = Paths.get("src/main/java", ROOT.split("\\."));
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> layer : MAY_IMPORT.entrySet()) {
            List<Path> java;
            try (Stream<Path> list = Files.list(sources.resolve(layer.getKey()))) {
                java = list.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
            }
            for (Path file : java) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(layer.getKey()) && !layer.getValue().contains(m.group(1))) {
                        wrong.add(file.getFileName() + " (" + layer.getKey() + ") imports " + m.group(1));
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(20);
        assertThat(wrong).isEmpty();
        try (Stream<Path> api = Files.list(Paths.get("src/main/java/io/kqat/codec"))) {
            List<String> upward = api.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import " + ROOT + ".");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertThat(upward).as("the API package imports no zstd implementation").isEmpty();
        }
        assertThat(Arrays.asList("spi", "lz4s", "libzstd", "ladder", "engine")).containsExactlyInAnyOrderElementsOf(MAY_IMPORT.keySet());
    }
}
