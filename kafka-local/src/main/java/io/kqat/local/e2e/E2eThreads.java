package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.util.function.ToLongFunction;

/**
 * A row's CPU per record by thread group, in µs, each the slope between its two runs as in {@link E2eResult}: the
 * producer's application thread (which compresses a batch when it fills it: where offload must show), its sender
 * thread ({@code kafka-producer-network-thread}) and kqat's threads; the consumer's application thread (which
 * decompresses in poll); the broker's request handlers ({@code data-plane-kafka-request-handler-*}, which validate)
 * and kqat's threads. The emulated QAT device's CPU per record is apart, per side: it is its own process's
 * ({@code kqat-emu-device}), counted in none of the JVMs' figures. Also the producer's records per second.
 */
public record E2eThreads(double producerApplication, double producerSender, double producerKqat,
                         double consumerApplication, double consumerKqat, double brokerHandlers, double brokerKqat,
                         double producerDevice, double brokerDevice, double consumerDevice,
                         double producerRecordsPerSecond) {

    static E2eThreads of(E2eSample shortRun, E2eSample longRun) {
        double extra = longRun.records() - shortRun.records();
        double seconds = (longRun.producer().getLong("nanos") - shortRun.producer().getLong("nanos")) / 1e9;
        return new E2eThreads(
                slope(shortRun, longRun, s -> cpu(s.producer(), "application"), extra),
                slope(shortRun, longRun, s -> cpu(s.producer(), "sender"), extra),
                slope(shortRun, longRun, s -> cpu(s.producer(), "kqat"), extra),
                slope(shortRun, longRun, s -> cpu(s.consumer(), "application"), extra),
                slope(shortRun, longRun, s -> cpu(s.consumer(), "kqat"), extra),
                slope(shortRun, longRun, s -> s.broker("handlers"), extra),
                slope(shortRun, longRun, s -> s.broker("kqat"), extra),
                slope(shortRun, longRun, s -> cpu(s.producer(), "device"), extra),
                slope(shortRun, longRun, s -> s.broker("device"), extra),
                slope(shortRun, longRun, s -> cpu(s.consumer(), "device"), extra),
                extra / seconds);
    }

    private static double slope(E2eSample shortRun, E2eSample longRun, ToLongFunction<E2eSample> nanos, double extra) {
        return (nanos.applyAsLong(longRun) - nanos.applyAsLong(shortRun)) / extra / 1e3;
    }

    private static long cpu(WorkloadReport report, String group) {
        String v = report.get("cpu." + group);
        return v == null ? 0 : Long.parseLong(v);
    }
}
