package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.emulator.EmulatorControl;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4, the case of an {@code Error} where a late completion is delivered. qatlib calls the completion
 * callback inside a poll, through JNA, which catches whatever the callback throws and returns to C: nothing above the
 * callback ever sees it. A request the device took and its caller left (something was thrown while it waited) keeps
 * its memory until the device completes it; here the release of that memory throws an {@code OutOfMemoryError} the
 * first time it runs. Before the fix it ran inside the callback: the Error was swallowed, the request counted as out
 * for the process's life (so the region could never be unmapped) and the release never ran again. It must be retried
 * until it has run to its end, and only then stop counting.
 */
class LateReleaseErrorTest {
    private static final int KIB64 = 64 << 10;
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    @Test
    void aLateReleaseThatThrowsIsRetriedAndTheRequestStopsCountingOnlyWhenItRan() throws Exception {
        QatProcess process = QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL");
        try (RawRequest r = new RawRequest(process); PinnedMemory mem = new PinnedMemory(process, 2 << 20)) {
            r.prepare(true, true);
            r.source(mem.lease, mem.address(), KIB64, KIB64);
            r.destination(mem.lease, mem.address() + KIB64, 1 << 20, KIB64);
            int outBefore = r.requestsStillOut();
            AtomicInteger attempts = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            Runnable lateRelease = () -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("injected into the first late release");
                }
                completed.incrementAndGet();
            };
            emu.setHang(true);
            assertThat(r.submitAndLeave(true, lateRelease)).as("the request left while the device held it").isTrue();
            assertThat(r.requestsStillOut()).isEqualTo(outBefore + 1);

            emu.setHang(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((completed.get() == 0 || r.requestsStillOut() != outBefore) && System.nanoTime() < deadline) {
                r.poll(); // as a caller or the probe does
                Thread.sleep(10);
            }
            System.out.println("late release attempts " + attempts.get() + ", ran to its end " + completed.get()
                    + ", requests still out " + (r.requestsStillOut() - outBefore));
            assertThat(attempts.get()).as("the release that threw was tried again").isGreaterThanOrEqualTo(2);
            assertThat(completed.get()).as("the release ran to its end exactly once").isEqualTo(1);
            assertThat(r.requestsStillOut()).as("the request no longer counts as out").isEqualTo(outBefore);
        } finally {
            QatProcess.release(process);
        }
    }
}
