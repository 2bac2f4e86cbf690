package io.kqat.local.e2e;

import java.time.Duration;

/** CPU time this process has used, all threads (JIT, GC and Kafka's I/O threads too), from the OS. */
final class OwnCpu {
    private OwnCpu() {
    }

    static long nanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("the OS does not report this process's CPU time"));
    }
}
