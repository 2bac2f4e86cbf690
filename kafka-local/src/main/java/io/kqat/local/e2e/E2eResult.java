package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;

/**
 * A row's figures from its two run lengths, each as the slope between them so that what both runs pay alike (JIT
 * warm-up; the clients measure from their first send or poll, after their own and kqat's start) cancels: CPU per record is (CPU(long) - CPU(short)) / (long - short
 * records), throughput is the extra value bytes over the extra wall time. The ratio is the long run's producer metric.
 * CPU is each JVM process's own (all its threads; the emulated device's process is not one of them), and by thread
 * group in {@link E2eThreads}.
 */
public record E2eResult(E2eRow row, double producerMicrosPerRecord, double consumerMicrosPerRecord,
                        double brokerMicrosPerRecord, double producerMegabytesPerSecond,
                        double consumerMegabytesPerSecond, double ratio, String kqatBackends, E2eThreads threads) {

    static E2eResult of(E2eRow row, E2eSample shortRun, E2eSample longRun) {
        double extra = longRun.records() - shortRun.records();
        double rate = longRun.producer().getDouble("compressionRate");
        String backends = row.kqat() ? longRun.producer().get("e2e.compressedBy") + " / " + longRun.consumer().get("e2e.decompressedBy") : "";
        return new E2eResult(row,
                (longRun.producerCpu() - shortRun.producerCpu()) / extra / 1e3,
                (longRun.consumerCpu() - shortRun.consumerCpu()) / extra / 1e3,
                (longRun.brokerCpuNanos() - shortRun.brokerCpuNanos()) / extra / 1e3,
                marginalMegabytesPerSecond(shortRun.producer(), longRun.producer()),
                marginalMegabytesPerSecond(shortRun.consumer(), longRun.consumer()),
                rate > 0 ? 1 / rate : Double.NaN,
                backends, E2eThreads.of(shortRun, longRun));
    }

    private static double marginalMegabytesPerSecond(WorkloadReport shorter, WorkloadReport longer) {
        double bytes = longer.getLong("bytes") - shorter.getLong("bytes");
        double seconds = (longer.getLong("nanos") - shorter.getLong("nanos")) / 1e9;
        return bytes / 1e6 / seconds;
    }
}
