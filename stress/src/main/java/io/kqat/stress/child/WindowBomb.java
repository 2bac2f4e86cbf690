package io.kqat.stress.child;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records of the window-bomb programs: 4 MiB values of zeros with 4 KiB of noise at the start, so one record is a
 * gzip batch of about 8 KiB that inflates to 4 MiB (its ISIZE says 4 MiB, truly); and a watch of this JVM's direct
 * memory while they are read.
 */
final class WindowBomb {
    static final int VALUE_BYTES = 4 << 20;
    static final int NOISE_BYTES = 4 << 10;

    private WindowBomb() {
    }

    /** Value {@code i} of writer {@code t}. */
    static byte[] value(int t, int i) {
        byte[] v = new byte[VALUE_BYTES];
        byte[] noise = new byte[NOISE_BYTES];
        new SplittableRandom(t * 1_000_003L + i).nextBytes(noise);
        System.arraycopy(noise, 0, v, 0, noise.length);
        return v;
    }

    /** Polls the JVM's direct buffer memory every few milliseconds and keeps the largest figure seen. */
    static final class DirectWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread poller;
        private volatile boolean running = true;

        DirectWatch() {
            BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
            poller = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(direct.getMemoryUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "direct-watch");
            poller.setDaemon(true);
            poller.start();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            poller.interrupt();
        }
    }
}
