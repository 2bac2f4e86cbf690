package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The native libraries are part of what the build installs (scripts/setup-debian.sh): if they are missing, every
 * "native" test below would quietly exercise the JDK instead, so their absence fails here, with the probe's reason.
 */
class NativeBackendsPresentTest {

    @Test
    void isalAndLibdeflateAreOnTheLadder() {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().build())) {
            for (String name : new String[] {"isal", "libdeflate"}) {
                BackendStatus rung = codec.backend(name);
                assertThat(rung).as("%s on the ladder", name).isNotNull();
                assertThat(rung.ready()).as("%s skipped: %s (run scripts/setup-debian.sh)", name, rung.skipReason()).isTrue();
            }
        }
    }

    @Test
    void levelsGoToTheBackendThatServesThemBest() {
        try (GzipCodec fast = GzipCodec.create(CodecConfig.builder().level(1).build());
             GzipCodec dflt = GzipCodec.create(CodecConfig.builder().build())) {
            assertThat(fast.backendName()).isEqualTo("isal");
            assertThat(dflt.backendName()).isEqualTo("libdeflate");
        }
    }
}
