package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.memory.DeviceStaging;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.spi.Backend;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/** Codecs on the QAT emulator the build made. Missing emulator = failed test, never a skip. */
public final class Emulator {
    private Emulator() {
    }

    public static Path dir(String variant) {
        return Emulators.dir(variant);
    }

    public static CodecConfig.Builder config(String variant) {
        // The emulator deflates with zlib on shared CPUs: generous timeouts, except where a test is about them.
        return CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, dir(variant).toString())
                .setText(KqatSettings.QAT_REGION_BYTES, Long.toString(8L << 20))
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "500");
    }

    public static GzipCodec codec(String variant) {
        return GzipCodec.create(config(variant).build());
    }

    public static EmulatorControl control(String variant) {
        return Emulators.control(variant);
    }

    /** The named rung, which must be ready. */
    public static BackendStatus rung(GzipCodec codec, String name) {
        BackendStatus r = codec.backend(name);
        assertThat(r).as("%s on the ladder", name).isNotNull();
        assertThat(r.ready()).as("%s skipped: %s", name, r.skipReason()).isTrue();
        return r;
    }

    /** Region slots lent right now (batches and requests). */
    public static long slotsInUse(GzipCodec codec) {
        return rung(codec, QatZeroCopyProvider.NAME).detail().figure("slotsInUse");
    }

    /** A QAT backend over the given staging and profile, as a provider makes one (for the tests of the layers below). */
    public static Backend backend(String name, QatProcess process, DeviceStaging staging, DeviceProfile profile,
                                  RequestTimeouts timeouts) {
        return new QatBackend(name, process, staging, profile, timeouts);
    }

    /** One batch written into batch memory (a region slot run when it fits) and compressed, as the Kafka hook does. */
    public static byte[] compressInBatchMemory(GzipCodec codec, byte[] data) {
        try (BufferLease lease = codec.acquireBatchBuffer(data.length)) {
            ByteBuffer in = lease.buffer();
            in.put(data).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
            codec.compress(in, out, 6);
            return Arrays.copyOf(out.array(), out.position());
        }
    }
}
