package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertProducedAll;
import static io.kqat.it.ZstdWorkloads.assertKqatZstdCompressed;
import static io.kqat.it.ZstdWorkloads.assertKqatZstdDecompressed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * zstd between kqat and librdkafka (Debian's kcat 1.7.1 on librdkafka 2.0.2, zstd built in), through a stock broker:
 * what librdkafka writes a kqat consumer reads, what a kqat producer writes librdkafka reads. Skipped, saying why, on a
 * machine without kcat (scripts/setup-debian.sh installs it).
 */
class KcatInteropTest {
    private static final long RECORDS = 5_000;
    private static final Path KCAT = Paths.get("/usr/bin/kcat");
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    @BeforeAll
    static void needsKcat() {
        Assumptions.assumeTrue(Files.isExecutable(KCAT), "kcat (librdkafka) is not installed: scripts/setup-debian.sh installs it");
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CLUSTER.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static List<String> expected(long seed) {
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            lines.add(new String(KafkaLikeEvents.key(i), StandardCharsets.UTF_8) + "\t"
                    + new String(KafkaLikeEvents.record(seed, i), StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static String kcat(Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(KCAT.toString(), "-b", CLUSTER.bootstrap()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(CLUSTER.work(), "kcat", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("kcat did not finish: " + cmd);
        }
        assertThat(p.exitValue()).as("kcat %s: %s", cmd, Files.readString(err)).isZero();
        return Files.readString(out);
    }

    @Test
    void whatLibrdkafkaWritesInZstdKqatReads() throws Exception {
        String topic = "zstd-from-librdkafka";
        createTopic(topic);
        Path input = CLUSTER.work().resolve("kcat-input.txt");
        Files.write(input, expected(81));
        kcat(CLUSTER.work().resolve("kcat-produce.out"), "-P", "-t", topic, "-p", "0", "-K", "\\t", "-z", "zstd",
                "-X", "linger.ms=50", "-l", input.toString());

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-kqat-from-librdkafka").records(RECORDS).seed(81).withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatZstdDecompressed(consumed);
    }

    @Test
    void whatKqatWritesInZstdLibrdkafkaReads() throws Exception {
        String topic = "zstd-to-librdkafka";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-kqat-for-librdkafka").records(RECORDS).seed(82).compression("zstd")
                .withKqatAgent("").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatZstdCompressed(produced);

        String read = kcat(CLUSTER.work().resolve("kcat-consume.out"), "-C", "-t", topic, "-p", "0", "-o", "beginning",
                "-e", "-q", "-f", "%k\\t%s\\n");
        assertThat(read.split("\n", -1)).as("librdkafka read every record").containsExactlyElementsOf(withEnd(expected(82)));
    }

    private static List<String> withEnd(List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        all.add("");
        return all;
    }
}
