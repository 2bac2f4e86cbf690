package io.kqat.local.workload;

import picocli.CommandLine.Option;

/** The options of a program that sends or checks records {@code 0 .. records-1} of {@code KafkaLikeEvents} seed. */
public abstract class RecordsOptions extends ProgramOptions {
    @Option(names = "--records")
    private long records = 10_000;
    @Option(names = "--seed")
    private long seed = 1;

    public long records() {
        return records;
    }

    public long seed() {
        return seed;
    }
}
