package io.kqat.local.e2e;

import io.kqat.codec.metrics.KqatObjectNames;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * For the QAT rows: kqat starts at a JVM's first gzip batch and, with mode=auto, brings the device up in the
 * background while kqat's software rungs serve, which can take seconds on a busy machine. A QAT row's child sends (or
 * reads) one warm-up gzip batch and waits here until a QAT rung serves, before its measured run, so the slope measures
 * the device and not the start (both run lengths pay the warm-up alike). Reads kqat's bean by name.
 */
final class QatWarmup {
    static final String SETTING = "warmup.qat";
    /** The row's codec (gzip or zstd): whose ladder must have a ready QAT rung. */
    static final String CODEC = "warmup.codec";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private QatWarmup() {
    }

    /** Waits until the codec's ladder ({@code gzip} or {@code zstd}) has a ready QAT rung. */
    static void awaitQat(String codec) {
        boolean zstd = "zstd".equals(codec);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String[] ladder = new String[0];
        while (System.nanoTime() < deadline) {
            try {
                ladder = (String[]) server.getAttribute(new ObjectName(zstd ? KqatObjectNames.ZSTD_CODEC
                        : KqatObjectNames.CODEC), "Ladder");
                if (Arrays.stream(ladder).anyMatch(r -> zstd ? r.matches("qat-(lz4s|zstd): ready.*")
                        : r.startsWith("qat: ready") || r.startsWith("qat-pinned: ready"))) {
                    return;
                }
            } catch (JMException e) {
                // not registered yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no QAT rung serves after " + LIMIT.toSeconds() + " s: " + Arrays.toString(ladder));
    }
}
