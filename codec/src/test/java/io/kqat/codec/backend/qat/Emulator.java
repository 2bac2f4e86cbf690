package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.testkit.EmulatorControl;
import io.kqat.testkit.Emulators;
import java.nio.file.Path;

/** Codecs on the QAT emulator the build made. Missing emulator = failed test, never a skip. */
final class Emulator {
    private Emulator() {
    }

    static Path dir(String variant) {
        return Emulators.dir(variant);
    }

    static CodecConfig.Builder config(String variant) {
        // The emulator deflates with zlib on shared CPUs: generous timeouts, except where a test is about them.
        return CodecConfig.builder().option(QatOptions.EMULATOR, dir(variant).toString())
                .option(QatOptions.REGION_BYTES, Long.toString(8L << 20))
                .option(QatOptions.TIMEOUT_MS, "5000").option(QatOptions.TIMEOUT_PER_MIB_MS, "500");
    }

    static GzipCodec codec(String variant) {
        return GzipCodec.create(config(variant).build());
    }

    static EmulatorControl control(String variant) {
        return Emulators.control(variant);
    }

    /** The named rung, which must be ready. */
    static BackendStatus rung(GzipCodec codec, String name) {
        BackendStatus r = codec.backend(name);
        assertThat(r).as("%s on the ladder", name).isNotNull();
        assertThat(r.ready()).as("%s skipped: %s", name, r.skipReason()).isTrue();
        return r;
    }

    /** Region slots lent right now (batches and requests). */
    static long slotsInUse(GzipCodec codec) {
        return rung(codec, QatZeroCopyProvider.NAME).detail().figure("slotsInUse");
    }
}
