package io.kqat.stress.bombs;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.child.BombProducer;
import io.kqat.stress.run.ChildPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** One broker (with the agent or stock, -Xmx512m either way) taking the bomb producers; what it accepted and its heap. */
public final class BombsRun {
    private BombsRun() {
    }

    /** @param agentOptions the broker's agent options, or null for a stock broker */
    public static Properties run(Path work, String agentOptions, int producers, int batches, int mib) {
        LocalKafkaBroker.Builder b = LocalKafkaBroker.builder(work.resolve("broker"));
        if (agentOptions != null) {
            b.withKqatAgent(agentOptions);
        }
        try (LocalKafkaBroker broker = b.start()) {
            return load(broker, work, agentOptions != null, producers, batches, mib);
        }
    }

    /** The bombs into a running broker (topic {@code bombs}); its heap is watched while they land. */
    public static Properties load(LocalKafkaBroker broker, Path work, boolean agent, int producers, int batches, int mib) {
        Properties out = new Properties();
        try (HeapWatch heap = new HeapWatch(broker)) {
            Properties sent = new ChildPrograms(work).program("bomb-producers", BombProducer.class)
                    .jvmArg("-Xmx" + (producers * (mib * 12L / 10 + 64) + 256) + "m")
                    .arg("bootstrap", broker.bootstrapServers()).arg("topic", "bombs")
                    .arg("producers", producers).arg("batches", batches).arg("mib", mib)
                    .run(Duration.ofMinutes(30));
            heap.close();
            sent.forEach((k, v) -> out.setProperty("producer." + k, String.valueOf(v)));
            out.setProperty("broker.alive", Boolean.toString(broker.isAlive()));
            if (broker.isAlive()) {
                out.setProperty("heap.maxPolledUsed", Long.toString(heap.maxPolledUsed()));
                out.setProperty("heap.polls", Integer.toString(heap.polls()));
                out.setProperty("heap.poolPeaks", Long.toString(heap.poolPeaks()));
                out.setProperty("heap.max", Long.toString(heap.maxHeap()));
                if (agent) {
                    out.setProperty("kqat.decompressBatches", Long.toString(broker.kqatCounter("decompressBatches")));
                    out.setProperty("kqat.decompressBytesOut", Long.toString(broker.kqatCounter("decompressBytesOut")));
                }
            }
            out.setProperty("broker.outOfMemory", Boolean.toString(broker.logContains("OutOfMemoryError")));
        }
        return out;
    }
}
