package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.util.Map;

/**
 * One run of one row at one length: what the producer and the consumer reported, and the broker's CPU over the
 * producer's run: its whole process's, and by thread group with its emulated device's ({@code device}).
 */
record E2eSample(long records, WorkloadReport producer, WorkloadReport consumer, long brokerCpuNanos,
                 Map<String, Long> brokerThreads) {
    long producerCpu() {
        return producer.getLong("cpuNanos");
    }

    long consumerCpu() {
        return consumer.getLong("cpuNanos");
    }

    /** The broker's CPU of one thread group ({@code handlers}, {@code kqat}, ...) or its device's. */
    long broker(String group) {
        return brokerThreads.getOrDefault(group, 0L);
    }
}
