package io.kqat.local.e2e;

import io.kqat.local.KafkaRuntimes;
import java.nio.file.Path;
import java.util.List;

/**
 * What an end-to-end run measures: the rows ({@link E2eRow}), the two run lengths in records, the dataset (null: the
 * public one), the producers' {@code batch.size}, the kafka-clients runtime of the clients, the kqat agent's options
 * and the client JVMs' flags.
 */
public record E2eSettings(List<String> codecs, long shortRecords, long longRecords, Path dataset, int batchSize,
                          String clients, String agentOptions, List<String> jvmArgs, Path workDir) {
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xms512m", "-Xmx512m");

    public E2eSettings {
        if (shortRecords < 1 || longRecords <= shortRecords) {
            throw new IllegalArgumentException("need 0 < short records < long records, got " + shortRecords + " and " + longRecords);
        }
        codecs = List.copyOf(codecs);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The full measurement: every default row, 0.5 M and 2.5 M records. */
    public static E2eSettings full(Path workDir) {
        return new E2eSettings(E2eRow.DEFAULT, 500_000, 2_500_000, null, 65536, KafkaRuntimes.CLIENTS, "",
                DEFAULT_JVM_ARGS, workDir);
    }

    /** The short form CI runs once: four rows (stock, kqat, kqat on the QAT emulator), 20 k and 100 k records. */
    public static E2eSettings quick(Path workDir) {
        return new E2eSettings(E2eRow.QUICK, 20_000, 100_000, null, 65536, KafkaRuntimes.CLIENTS, "",
                DEFAULT_JVM_ARGS, workDir);
    }
}
