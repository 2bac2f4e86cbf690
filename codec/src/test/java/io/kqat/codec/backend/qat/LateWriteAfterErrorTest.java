package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4: a request the device has taken keeps its memory until the device completes it, whatever the
 * waiting thread is hit by, not only a timeout. Here an {@code Error} (ThreadDeath) lands in a thread waiting for a
 * request the hung device holds; every slot left free is then lent and marked; when the device answers, its late
 * write must land only in the memory still held for that request.
 */
class LateWriteAfterErrorTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    @Test
    @SuppressWarnings("removal")
    void anErrorWhileWaitingLeavesTheRequestsMemoryHeldUntilTheDeviceCompletes() throws Exception {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.BACKEND, "qat")
                .setText(KqatSettings.QAT_TIMEOUT_MS, "20000").build())) {
            byte[] data = new KafkaLikeEvents(41).fill(60_000);
            emu.resetCounters();
            emu.setHang(true);
            Thread waiter = new Thread(() -> {
                try (BufferLease lease = codec.acquireBatchBuffer(data.length)) {
                    ByteBuffer in = lease.buffer();
                    in.put(data).flip();
                    codec.compress(in, ByteBuffer.allocate(codec.maxCompressedLength(data.length)), 6);
                }
            }, "waiter");
            waiter.start();
            waitFor(() -> emu.counter("held_requests") >= 1, "the device to hold the request");
            Thread.sleep(100); // the waiter is in its wait now
            waiter.stop(); // an Error where it waits
            waiter.join(10_000);
            assertThat(waiter.isAlive()).isFalse();
            long held = Emulator.slotsInUse(codec);
            System.out.println("slots held after the Error, the device still holding the request: " + held);

            List<BufferLease> mine = new ArrayList<>();
            BufferLease l;
            while ((l = codec.acquireBatchBuffer(64 << 10)).deviceMapped()) {
                ByteBuffer b = l.buffer();
                while (b.hasRemaining()) {
                    b.put((byte) 0x5a);
                }
                mine.add(l);
            }
            emu.setHang(false);
            waitFor(() -> emu.counter("late_completions") >= 1 && emu.counter("held_requests") == 0, "late completion");
            Thread.sleep(200);
            long changed = 0;
            for (BufferLease m : mine) {
                ByteBuffer b = m.buffer().duplicate().clear();
                while (b.hasRemaining()) {
                    changed += b.get() == (byte) 0x5a ? 0 : 1;
                }
            }
            System.out.println("bytes of slots lent after the Error that the late write changed: " + changed);
            assertThat(changed).as("bytes of memory lent to others written by the device").isZero();
            assertThat(held).as("slots held for the request the device had").isPositive();
            waitFor(() -> Emulator.slotsInUse(codec) == mine.size(), "held slots returned once the device completed");
            mine.forEach(BufferLease::close);
            assertThat(Emulator.slotsInUse(codec)).isZero();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
