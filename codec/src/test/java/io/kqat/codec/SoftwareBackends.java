package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The software backends under test, and codecs pinned to one of them. */
final class SoftwareBackends {
    static final List<String> NAMES = List.of("isal", "libdeflate", "jdk");

    private SoftwareBackends() {
    }

    /** A codec that compresses with {@code backend} only (the JDK stays as the ladder's last rung). */
    static GzipCodec pinned(String backend, int level) {
        GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).level(level).build());
        assertThat(codec.backendName()).as("backend %s must be ready here: %s", backend, codec.backends()).isEqualTo(backend);
        return codec;
    }

    /** Every (backend, level) pair the backend serves. */
    static Stream<Arguments> backendLevels() {
        return NAMES.stream().flatMap(b -> IntStream.rangeClosed(1, 9)
                .filter(l -> !b.equals("isal") || l <= 2)
                .mapToObj(l -> Arguments.of(b, l)));
    }
}
