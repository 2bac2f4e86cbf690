package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatCompressed;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent on the other Java installations this machine has: each JDK under {@code /usr/lib/jvm} (or the homes
 * listed in {@code -Dkqat.it.jdks=a,b}) besides the one running the tests, which every other scenario covers (it runs
 * here too when it is the only one). A kqat producer on kafka-clients 4.4 and on 3.7 writes records a stock consumer
 * reads, and a kqat consumer reads them back. Each test's name carries the Java version it ran on.
 */
class JdkMatrixTest {
    private static final long RECORDS = 10_000;
    private static final Path JVM_DIR = Paths.get("/usr/lib/jvm");
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    static Stream<Arguments> jdksAndClients() {
        List<Arguments> out = new ArrayList<>();
        Map<String, Path> jdks = installedJdks();
        Path own = ChildJvm.thisJava();
        if (jdks.size() > 1) {
            jdks.values().removeIf(java -> sameFile(java, own));
        }
        jdks.forEach((version, java) -> {
            for (String clients : new String[] {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_7}) {
                out.add(Arguments.of(version, java, clients));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "Java {0}, clients {2}")
    @MethodSource("jdksAndClients")
    void kqatProducerAndConsumerOnThisJava(String version, Path java, String clients) {
        String id = "java" + version.replace('.', '-') + "-" + clients.replace('.', '-');
        String topic = "jdk-" + id;
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-kqat-" + id).java(java).clients(clients).records(RECORDS).seed(404).compression("gzip")
                .withKqatAgent("").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatCompressed(produced);
        assertThat(produced.get("java.version")).as("the producer ran on %s", java).isEqualTo(version);

        WorkloadReport stock = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-stock-" + id).records(RECORDS).seed(404).run(TIMEOUT);
        assertConsumedExactly(stock, RECORDS);
        assertNoKqat(stock);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-kqat-" + id).java(java).clients(clients).records(RECORDS).seed(404)
                .withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatDecompressed(consumed);
        assertThat(consumed.get("java.version")).isEqualTo(version);
    }

    /** Java version (from each home's {@code release} file) to its {@code bin/java}, one entry per installation. */
    static Map<String, Path> installedJdks() {
        List<Path> homes = new ArrayList<>();
        homes.add(Paths.get(System.getProperty("java.home")));
        String listed = System.getProperty("kqat.it.jdks", "");
        if (!listed.isBlank()) {
            for (String home : listed.split(",")) {
                homes.add(Paths.get(home.trim()));
            }
        } else if (Files.isDirectory(JVM_DIR)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(JVM_DIR)) {
                dirs.forEach(homes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Path> byRealPath = new LinkedHashMap<>();
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java)) {
                try {
                    byRealPath.putIfAbsent(java.toRealPath().toString(), java);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Map<String, Path> byVersion = new LinkedHashMap<>();
        byRealPath.values().forEach(java -> byVersion.putIfAbsent(javaVersion(java), java));
        return byVersion;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaVersion(Path java) {
        Path release = java.getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + release, e);
        }
        throw new IllegalStateException(release + " names no JAVA_VERSION");
    }
}
