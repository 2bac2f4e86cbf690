package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.child.WindowBombConsumers;
import io.kqat.stress.child.WindowBombDecompress;
import io.kqat.stress.child.WindowBombProducers;
import io.kqat.stress.run.ChildPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's window bombs: 64 reads at once of 8 KiB gzip batches whose ISIZE says 4 MiB, in JVMs limited to 128 MiB of
 * direct memory with explicit GC off (so direct buffers nobody frees stay taken until a heap collection happens to
 * run): a broker validating them, its consumers reading them back, and the Connect transforms' decode (with forged
 * ISIZEs as well). Every batch must be read, nothing may end in an {@code OutOfMemoryError}.
 */
class WindowBombTest {
    private static final int THREADS = 64;
    private static final int BATCHES = 4;
    private static final List<String> LIMITS = List.of("-XX:MaxDirectMemorySize=128m", "-XX:+DisableExplicitGC");

    @TempDir
    static Path work;

    private static ChildPrograms.Run limited(ChildPrograms.Run run) {
        LIMITS.forEach(run::jvmArg);
        return run.jvmArg("-Xmx2g").arg("threads", THREADS).arg("batches", BATCHES);
    }

    @Test
    void aBrokerValidatesSixtyFourAtOnceAndItsConsumersReadThemBack() {
        LocalKafkaBroker.Builder b = LocalKafkaBroker.builder(work.resolve("broker")).withKqatAgent("")
                .serverProperty("num.io.threads", Integer.toString(THREADS));
        LIMITS.forEach(b::jvmArg);
        ChildPrograms programs = new ChildPrograms(work);
        try (LocalKafkaBroker broker = b.start()) {
            Properties sent = programs.program("bomb-producers", WindowBombProducers.class).jvmArg("-Xmx2g")
                    .arg("bootstrap", broker.bootstrapServers()).arg("topic", "bombs")
                    .arg("threads", THREADS).arg("batches", BATCHES).run(Duration.ofMinutes(10));
            System.out.println("window bombs into the broker: " + sent);
            assertThat(broker.logContains("OutOfMemoryError")).as("OutOfMemoryError in the broker's log").isFalse();
            assertThat(sent.getProperty("failed")).as("sends the broker failed: %s", sent).isEqualTo("0");
            assertThat(sent.getProperty("acked")).isEqualTo(Integer.toString(THREADS * BATCHES));
            assertThat(broker.kqatCounter("decompressBatches")).as("batches kqat decoded in the broker")
                    .isGreaterThanOrEqualTo(THREADS * BATCHES);
            long limit = (Long) broker.jmxAttribute(KqatObjectNames.NATIVE_MEMORY, "Limit");
            long peak = (Long) broker.jmxAttribute(KqatObjectNames.NATIVE_MEMORY, "Peak");
            System.out.println("the broker's native memory bound " + limit + ", its peak " + peak);
            assertThat(peak).as("kqat's native memory in the broker at its peak").isLessThanOrEqualTo(limit);

            Properties read = limited(programs.program("bomb-consumers", WindowBombConsumers.class).agent(""))
                    .arg("bootstrap", broker.bootstrapServers()).arg("topic", "bombs").run(Duration.ofMinutes(10));
            System.out.println("window bombs read by consumers: " + read);
            assertThat(read.getProperty("failed")).as("consumers that failed: %s", read).isEqualTo("0");
            assertThat(read.getProperty("wrong")).isEqualTo("0");
            assertThat(read.getProperty("read")).isEqualTo(Integer.toString(THREADS * BATCHES));
        }
    }

    @Test
    void theConnectTransformsDecodeSixtyFourAtOnceForgedSizesIncluded() {
        ChildPrograms programs = new ChildPrograms(work);
        Properties r = limited(programs.program("bomb-decompress", WindowBombDecompress.class)
                .classpath(programs.runtimes().agentJar())).arg("bootstrap", "unused:0").arg("topic", "unused")
                .run(Duration.ofMinutes(10));
        System.out.println("window bombs through GzipCodec.decompress: " + r);
        assertThat(r.getProperty("failed")).as("decodes that failed: %s", r).isEqualTo("0");
        assertThat(r.getProperty("decoded")).isEqualTo(Integer.toString(THREADS * BATCHES));
        assertThat(r.getProperty("refused")).as("forged sizes refused as stock gzip refuses them")
                .isEqualTo(Integer.toString(THREADS * BATCHES));
    }
}
