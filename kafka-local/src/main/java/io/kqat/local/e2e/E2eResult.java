package io.kqat.local.e2e;

/**
 * A row's figures from its two run lengths. CPU per record is the slope (CPU(long) - CPU(short)) / (long - short
 * records): JVM start-up, connection set-up and JIT warm-up are paid by both runs and cancel. Throughput and the ratio
 * come from the long run.
 */
public record E2eResult(E2eRow row, double producerMicrosPerRecord, double consumerMicrosPerRecord,
                        double brokerMicrosPerRecord, double producerMegabytesPerSecond,
                        double consumerMegabytesPerSecond, double ratio, String kqatBackends) {

    static E2eResult of(E2eRow row, E2eSample shortRun, E2eSample longRun) {
        double extra = longRun.records() - shortRun.records();
        double rate = longRun.producer().getDouble("compressionRate");
        String backends = row.kqat() ? longRun.producer().get("kqat.Backend") + "/" + longRun.consumer().get("kqat.DecompressBackend") : "";
        return new E2eResult(row,
                (longRun.producerCpu() - shortRun.producerCpu()) / extra / 1e3,
                (longRun.consumerCpu() - shortRun.consumerCpu()) / extra / 1e3,
                (longRun.brokerCpuNanos() - shortRun.brokerCpuNanos()) / extra / 1e3,
                longRun.producer().megabytesPerSecond(),
                longRun.consumer().megabytesPerSecond(),
                rate > 0 ? 1 / rate : Double.NaN,
                backends);
    }
}
