package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4, with two copies of kqat in one JVM (the agent and the Connect plugin). The count of requests given
 * up on, the instances and their polling are the process's; whichever copy polls delivers every completion, each to
 * the callback of the copy that submitted it. A request one copy gave up on must therefore be released by any copy's
 * poll: before the fix its release waited in a queue of the copy that gave it up, which polls no more once it has
 * left, so the request stayed counted as out (and the region mapped) for the process's life.
 */
class LateReleaseAcrossCopiesTest {
    private static final int KIB64 = 64 << 10;
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    @Test
    void aRequestGivenUpOnByACopyThatLeftIsReleasedByAnotherCopysPoll() throws Exception {
        byte[] data = new KafkaLikeEvents(19).fill(100_000);
        long mappings = emu.counter("mappings_outstanding"); // a hang test before may leave one, by design
        try (URLClassLoader b = IsolatedCodec.loader()) {
            IsolatedCodec other = new IsolatedCodec(b, "iova");
            assertThat(other.roundTrip(data)).isEqualTo(data); // the other copy runs QAT first, and stays

            QatProcess leaving = QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL");
            AtomicInteger released = new AtomicInteger();
            RawRequest r = new RawRequest(leaving);
            PinnedMemory mem = new PinnedMemory(leaving, 2 << 20);
            int outBefore = r.requestsStillOut();
            try {
                r.prepare(true, true);
                r.source(mem.lease, mem.address(), KIB64, KIB64);
                r.destination(mem.lease, mem.address() + KIB64, 1 << 20, KIB64);
                emu.setHang(true);
                assertThat(r.submitAndLeave(true, released::incrementAndGet)).isTrue();
                assertThat(r.requestsStillOut()).isEqualTo(outBefore + 1);
                QatProcess.release(leaving); // this copy leaves the JVM's QAT while the device holds its request
                emu.setHang(false);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while ((released.get() == 0 || r.requestsStillOut() != outBefore) && System.nanoTime() < deadline) {
                    assertThat(other.roundTrip(data)).isEqualTo(data); // the other copy's polls deliver it
                }
                System.out.println("late releases run " + released.get() + ", requests still out "
                        + (r.requestsStillOut() - outBefore));
                assertThat(released.get()).as("the left copy's late release, run by the other copy's poll")
                        .isEqualTo(1);
                assertThat(r.requestsStillOut()).as("the request no longer counts as out").isEqualTo(outBefore);
            } finally {
                r.close();
                mem.close();
                other.close();
            }
        }
        assertThat(emu.counter("mappings_outstanding")).as("region unmapped once both copies left").isEqualTo(mappings);
    }
}
