package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.EmulatorControl;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The QAT device the checks run on: the system's qatlib, or kqat's emulator (whose controls are then at hand for the
 * checks that need a fault). Every codec a check opens is built here, on the same libraries.
 */
final class DeviceUnderTest {
    private final Path emulator;
    private final EmulatorControl control;
    private final UnaryOperator<CodecConfig.Builder> options;

    /**
     * @param emulator the emulator's library directory, or null for the system's qatlib
     * @param options  settings every codec of the checks takes (the emulator's longer timeouts)
     */
    DeviceUnderTest(Path emulator, UnaryOperator<CodecConfig.Builder> options) {
        this.emulator = emulator;
        this.control = emulator == null ? null : EmulatorControl.open(emulator);
        this.options = options;
    }

    boolean emulated() {
        return control != null;
    }

    /** The emulator's controls; only for checks that ask {@link #emulated()} first. */
    EmulatorControl emulator() {
        return control;
    }

    String describe() {
        return emulator == null ? "system qatlib" : "QAT emulator at " + emulator;
    }

    GzipCodec codec() {
        return codec(UnaryOperator.identity());
    }

    /** A codec on this device, its config adjusted by the check (a short timeout, say). */
    GzipCodec codec(UnaryOperator<CodecConfig.Builder> adjust) {
        return GzipCodec.create(config(adjust).build());
    }

    /**
     * A zstd codec on this device: the whole ladder (the QAT zstd rungs, then libzstd) as the Kafka hook makes it, or
     * only {@code forced} ({@code zstd.backend}) when not null.
     */
    ZstdCodec zstdCodec(String forced) {
        CodecConfig.Builder b = config(UnaryOperator.identity()).set(KqatSettings.ZSTD_MODE, "auto");
        return ZstdCodec.create((forced == null ? b : b.set(KqatSettings.ZSTD_BACKEND, forced)).build());
    }

    /** libzstd only: the decoder for frames of a codec with a QAT rung forced. */
    ZstdCodec zstdSoftware() {
        return ZstdCodec.create(config(UnaryOperator.identity()).set(KqatSettings.ZSTD_MODE, "software").build());
    }

    private CodecConfig.Builder config(UnaryOperator<CodecConfig.Builder> adjust) {
        CodecConfig.Builder b = CodecConfig.builder().set(KqatSettings.QAT_REGION_BYTES, 64L << 20);
        if (emulator != null) {
            b.set(KqatSettings.QAT_EMULATOR, emulator.toString());
        }
        return adjust.apply(options.apply(b));
    }

    /** The best ready QAT rung of {@code codec}, or null. */
    static BackendStatus qatRung(GzipCodec codec) {
        for (String name : new String[] {"qat", "qat-pinned"}) {
            BackendStatus r = codec.backend(name);
            if (r != null && r.ready()) {
                return r;
            }
        }
        return null;
    }

    static BackendStatus requireQat(GzipCodec codec) {
        BackendStatus r = qatRung(codec);
        Verify.that(r != null, "no QAT rung is ready: " + codec.backend("qat").skipReason());
        return r;
    }
}
