package io.kqat.it;

/** A real Kafka broker the scenarios run against: a local KRaft JVM, or a Testcontainers broker where Docker exists. */
interface TestBroker extends AutoCloseable {

    String bootstrapServers();

    /**
     * Batches the broker's kqat compressed since start (read from its MBean), to prove recompression went through
     * kqat.
     */
    long kqatCompressBatches();

    /** Where this broker runs, for the test log. */
    String describe();

    @Override
    void close();
}
