package io.kqat.codec.backend.qat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.Emulator;
import io.kqat.codec.backend.qat.device.DeviceQuery;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.emulator.EmulatorControl;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 3: the destination is sized by the device's own {@code cpaDcDeflateCompressBound}, which exceeds
 * zlib-style bounds above about 46 KiB on 4xxx and 11.6 KiB on 420xx, so incompressible batches never overflow as a
 * matter of course. The emulated device overflows any incompressible request short of its generation's bound.
 */
class CompressBoundTest {
    private static final int[] SIZES = {1, 1024, 11_900, 16 << 10, 46 << 10, 64 << 10, 100_000, 1 << 20, 4 << 20};
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restore() {
        emu.setGeneration("4xxx");
    }

    @Test
    void theBoundIsTheDevicesAndAboveTheOldFormulaWhereItMatters() {
        QatProcess process = QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL");
        try {
            Instance dc0 = process.instances().get(0);
            for (int n : new int[] {1, 1000, 46 << 10, 64 << 10, 1 << 20, 14 << 20}) {
                long device = DeviceQuery.compressBound(process.libs.dc(), dc0.handle, n);
                assertThat((long) process.profile.deflateBound(n)).as("bound for %d", n).isGreaterThanOrEqualTo(device)
                        .isLessThanOrEqualTo(DeviceQuery.compressBound(process.libs.dc(), dc0.handle,
                                Math.max(n, (n + 1023) / 1024 * 1024)) + 0L);
            }
            int n = 64 << 10;
            assertThat(process.profile.deflateBound(n)).as("4xxx at 64 KiB").isGreaterThan(n + n / 8 + 1024);
        } finally {
            QatProcess.release(process);
        }
    }

    @Test
    void incompressibleBatchesAtEverySizeNeverOverflowOn4xxx() {
        compressRandomAtEverySize();
    }

    @Test
    void norOn420xxWhoseBoundGrowsFaster() {
        emu.setGeneration("420xx");
        compressRandomAtEverySize();
    }

    private void compressRandomAtEverySize() {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_REGION_BYTES, "33554432").build())) {
            emu.resetCounters();
            Random random = new Random(42);
            for (int size : SIZES) {
                byte[] data = new byte[size];
                random.nextBytes(data);
                assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, data))).as("%d bytes", size)
                        .isEqualTo(data);
            }
            assertThat(emu.counter("overflows")).as("device overflows (%s)", emu.generation()).isZero();
            assertThat(codec.backend("qat").stats().getCompressBatches()).isEqualTo(SIZES.length);
            assertThat(codec.backend("qat").stats().getFallbacks()).isZero();
            assertThat(codec.backend("qat").detail().figure("overflows")).isZero();
        }
    }
}
