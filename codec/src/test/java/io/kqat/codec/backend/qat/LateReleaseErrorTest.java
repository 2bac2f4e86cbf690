package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4, the case of an {@code Error} where a completion is delivered. qatlib calls the callback inside a
 * poll; JNA catches what a callback throws and returns to C, so nothing above it ever sees it. A {@code ThreadDeath}
 * lands in the thread releasing the memory of a request given up on (the device held it past its timeout, then
 * completed it), while the release waits for the batch's memory. Before the fix that release ran inside the callback:
 * the request stayed counted as out, and the region stayed mapped after close. The device has completed, so the
 * memory must come back, the request stop counting, the device serve again and the region be unmapped at close.
 */
class LateReleaseErrorTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    @Test
    @SuppressWarnings("removal")
    void anErrorInTheCallbackWhileReleasingLateStillGivesTheMemoryBack() throws Exception {
        long mappingsBefore = emu.counter("mappings_outstanding");
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_TIMEOUT_MS, "300")
                .build())) {
            Emulator.rung(codec, "qat");
            byte[] data = new KafkaLikeEvents(43).fill(60_000);
            emu.resetCounters();
            emu.setHang(true);
            BufferLease lease = codec.acquireBatchBuffer(data.length);
            assertThat(lease).as("batch memory in the mapped region").isInstanceOf(DeviceLease.class);
            ByteBuffer in = lease.buffer();
            in.put(data).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
            codec.compress(in, out, 6); // times out on the device, served by software
            lease.close(); // held: the device still has the request
            assertThat(codec.backend("qat").detail().figure("timeouts")).isEqualTo(1);
            assertThat(Emulator.slotsInUse(codec)).as("slots held for the request given up on").isPositive();

            Thread releasingThread;
            synchronized (lease) { // the late release waits here (inside the callback, before the fix)
                emu.setHang(false);
                releasingThread = waitForReleaseBlocked();
                releasingThread.stop(); // an Error in the release, delivered once it holds the lease's monitor
            }
            waitFor(() -> !releasing(releasingThread), "the Error to land");
            System.out.println("Error thrown in " + releasingThread.getName() + " while it released the late request");
            waitFor(() -> Emulator.slotsInUse(codec) == 0, "the held slots to come back after the device completed");
            waitFor(() -> compressesOnQat(codec, data), "the device to serve again");
            byte[] again = Emulator.compressInBatchMemory(codec, data);
            assertThat(Arrays.equals(gunzip(again), data)).isTrue();
            assertThat(Emulator.slotsInUse(codec)).isZero();
        }
        System.out.println("mappings outstanding after close: " + emu.counter("mappings_outstanding") + " (before: "
                + mappingsBefore + ")");
        assertThat(emu.counter("mappings_outstanding")).as("the region unmapped at close: no request counted as "
                + "still out").isEqualTo(mappingsBefore);
    }

    private static boolean compressesOnQat(GzipCodec codec, byte[] data) {
        long before = codec.backend("qat").detail().figure("requests");
        Emulator.compressInBatchMemory(codec, data);
        return codec.backend("qat").detail().figure("requests") > before;
    }

    private static byte[] gunzip(byte[] member) throws java.io.IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
            return in.readAllBytes();
        }
    }

    private static Thread waitForReleaseBlocked() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getState() == Thread.State.BLOCKED && releasing(t)) {
                    return t;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no thread blocked releasing the late request within 20 s");
    }

    private static boolean releasing(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().contains("RequestRunner")) { // the callback, or the release after the poll
                return true;
            }
        }
        return false;
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
