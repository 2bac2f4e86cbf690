package io.kqat.stress.cluster;

/** One thing that happens to the cluster while the stream runs. */
interface ClusterEvent {
    /** The event's row in the report. */
    String name();

    /** What the cluster runs on once it is over ("kqat brokers"): the name of the steady window after it. */
    String after();

    void run(Stage stage);
}
