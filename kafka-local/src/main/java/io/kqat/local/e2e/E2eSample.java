package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;

/** One run of one row at one length: what the producer, the consumer and the broker reported. */
record E2eSample(long records, WorkloadReport producer, WorkloadReport consumer, long brokerCpuNanos) {
    long producerCpu() {
        return producer.getLong("cpuNanos");
    }

    long consumerCpu() {
        return consumer.getLong("cpuNanos");
    }
}
