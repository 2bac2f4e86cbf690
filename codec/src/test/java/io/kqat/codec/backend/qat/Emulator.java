package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the build put the QAT emulator, and codecs that use it. Missing emulator = failed test, never a skip. */
final class Emulator {
    private Emulator() {
    }

    static Path dir(String variant) {
        String base = System.getProperty("kqat.emulator.dir");
        assertThat(base).as("system property kqat.emulator.dir (set by the build)").isNotNull();
        Path dir = Paths.get(base, variant);
        assertThat(Files.isRegularFile(dir.resolve("libqat.so.4")))
                .as("QAT emulator not built at %s: build the qat-emulator module (mvn package)", dir).isTrue();
        return dir;
    }

    static CodecConfig.Builder config(String variant) {
        return CodecConfig.builder().option("qat.emulator", dir(variant).toString())
                .option("qat.region.bytes", Long.toString(8L << 20));
    }

    static GzipCodec codec(String variant) {
        return GzipCodec.create(config(variant).build());
    }

    static EmulatorControl control(String variant) {
        return EmulatorControl.open(dir(variant));
    }
}
