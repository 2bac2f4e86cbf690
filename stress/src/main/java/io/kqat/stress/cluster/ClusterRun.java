package io.kqat.stress.cluster;

import io.kqat.emulator.Emulators;
import io.kqat.local.BrokerSetup;
import io.kqat.local.ClusterNode;
import io.kqat.local.LocalKafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The cluster run: three nodes start stock; a producer with the agent sends sequence-numbered records at a steady
 * rate (acks=all, idempotent) and a stock member of a consumer group reads them; meanwhile, spread evenly over the
 * records, a rolling upgrade to kqat (on the QAT emulator), a {@code kill -9} of a partition leader, device faults on
 * one broker, a kqat member joining the group, and a rolling downgrade to stock. Then a stock checker reads the topic
 * from the start, and the group's members are checked together.
 */
public final class ClusterRun {
    static final String TOPIC = "kqat-cluster";
    private final Path work;
    private final long records;
    private final long rate;
    private final int faultPercent;
    private final long seed;
    private final Duration timeout;

    /**
     * @param records the records the events are spread over (the stream runs on until the last event is over)
     * @param rate records per second
     * @param timeout the longest any one wait may take (a restart, a catch-up, the clients' end)
     */
    public ClusterRun(Path work, long records, long rate, int faultPercent, long seed, Duration timeout) {
        this.work = work;
        this.records = records;
        this.rate = rate;
        this.faultPercent = faultPercent;
        this.seed = seed;
        this.timeout = timeout;
    }

    public ClusterReport run() {
        Path emulator = Emulators.dir("iova");
        BrokerSetup stock = BrokerSetup.stock();
        BrokerSetup kqat = BrokerSetup.kqatOnEmulator(emulator);
        long gap = records / 6; // five events, six stretches of records
        List<ClusterEvent> events = List.of(
                new RollingRestart("rolling upgrade: stock to kqat", kqat, "kqat brokers"),
                new LeaderKill(),
                new BrokerDeviceFaults(faultPercent, gap / 2),
                new GroupJoin(),
                new RollingRestart("rolling downgrade: kqat to stock", stock, "stock brokers, mixed group"));
        System.err.println("cluster: starting three stock nodes in " + work);
        try (LocalKafkaCluster cluster = LocalKafkaCluster.builder(work.resolve("cluster")).start(stock);
             ClusterWorkload workload = new ClusterWorkload(work, cluster.bootstrapServers(), TOPIC, seed, emulator)) {
            Stage stage = new Stage(cluster, workload, TOPIC, timeout);
            workload.startProducer(records, rate);
            workload.awaitSent(1, timeout);
            for (int p = 0; p < 3; p++) {
                stage.expect(cluster.replicas(TOPIC, p) == 3, "partition " + p + " has 3 replicas");
            }
            workload.startMember("member-stock", false);
            Timeline timeline = new Timeline("stock brokers");
            long next = Math.max(gap, workload.sent() + gap / 2);
            for (ClusterEvent event : events) {
                workload.awaitSent(next, timeout);
                System.err.println("cluster: " + event.name() + " at record " + workload.sent());
                timeline.event(event.name(), () -> event.run(stage), event.after());
                // the next event after its share of the records, and after at least half a share of steady stream
                next = Math.max(next + gap, workload.sent() + gap / 2);
            }
            // at least the records asked for, and half a share of steady stream after the last event
            workload.awaitSent(Math.max(records, workload.sent() + gap / 2), timeout);
            Map<String, Properties> clients = workload.stop(timeout);
            List<Window> windows = timeline.close();
            cluster.nodes().forEach(stage.lives::ending);
            long sent = Long.parseLong(clients.get("producer").getProperty("records"));
            Properties checked = workload.check(sent, timeout);
            Properties group = GroupCheck.of(sent, List.of(clients.get("member-stock"), clients.get(GroupJoin.MEMBER)),
                    workload.seenFiles());
            served(stage, clients);
            return new ClusterReport(windows, SendTimes.read(workload.sendLog()), clients, checked, group, stage);
        }
    }

    /** The claims that make the run mean something: kqat compressed, decoded and served where it was meant to. */
    private static void served(Stage stage, Map<String, Properties> clients) {
        Properties producer = clients.get("producer");
        stage.expect(positive(producer, "kqat.rung.qat.compressBatches"), "the producer compressed on the QAT emulator");
        stage.expect(positive(clients.get(GroupJoin.MEMBER), "kqat.total.decompressBatches"), "the kqat member decoded with kqat");
        stage.expect("false".equals(clients.get("member-stock").getProperty("kqat.installed")), "the stock member ran without kqat");
        long decoded = 0;
        long compressed = 0;
        for (ClusterNode node : stage.cluster.nodes()) { // a node decodes only what it leads: counted together
            decoded += stage.lives.total(node.id(), "decompressBatches");
            compressed += stage.lives.total(node.id(), "compressBatches");
        }
        stage.expect(decoded > 0, "the brokers validated batches with kqat");
        stage.expect(compressed > 0, "the brokers compressed the group's offsets with kqat");
        List<String> noted = new ArrayList<>(List.of(stage.lives.describe().split(System.lineSeparator())));
        noted.forEach(line -> stage.note(line.trim()));
    }

    private static boolean positive(Properties p, String key) {
        return p != null && Long.parseLong(p.getProperty(key, "0")) > 0;
    }
}
