package io.kqat.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node (broker and controller) of a {@link LocalKafkaCluster}: its own JVM, started, stopped, killed and started
 * again on the same ports and storage, each launch with its own {@link BrokerSetup} and its own log file
 * ({@code broker-N.log}). Its JVM runs under {@link OrphanGuard}, so it ends with the JVM that launched it.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final QuorumProperties.NodeAddress address;
    private final Path dir;
    private final Path config;
    private final KafkaRuntimes runtimes;
    private final BrokerJmx jmx;
    private ChildJvm jvm;
    private BrokerSetup setup;
    private int launches;

    ClusterNode(QuorumProperties.NodeAddress address, Path dir, Path config, KafkaRuntimes runtimes) {
        this.address = address;
        this.dir = dir;
        this.config = config;
        this.runtimes = runtimes;
        this.jmx = new BrokerJmx(address.jmxPort);
    }

    public int id() {
        return address.id;
    }

    public String bootstrapServer() {
        return "127.0.0.1:" + address.brokerPort;
    }

    /** The node's JMX (one connection, dropped when a call fails: a restarted node is reached again). */
    public BrokerJmx jmx() {
        return jmx;
    }

    /** What the running (or last) launch runs with. */
    public synchronized BrokerSetup setup() {
        return setup;
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.process().isAlive();
    }

    /** The current launch's log. */
    public synchronized Path logFile() {
        return dir.resolve("broker-" + launches + ".log");
    }

    public boolean logContains(String text) {
        return ChildJvm.fileContains(logFile(), text);
    }

    /** Starts the node with {@code setup} and returns at once; {@link #awaitStarted} waits for it to serve. */
    public synchronized void launch(BrokerSetup setup) {
        if (isRunning()) {
            throw new IllegalStateException("node " + id() + " is running");
        }
        this.setup = setup;
        launches++;
        List<String> args = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        args.addAll(setup.jvmArgs(runtimes));
        args.addAll(BrokerJmx.jvmArgs(address.jmxPort));
        args.add(Log4j2Config.write(logFile()));
        List<String> classpath = new ArrayList<>(runtimes.classpath(KafkaRuntimes.BROKER));
        classpath.add(location(OrphanGuard.class)); // also the fault switch, which binds the emulator through:
        classpath.add(location(io.kqat.emulator.EmulatorControl.class));
        jvm = ChildJvm.start("node" + id() + "-" + launches, dir, classpath, args, OrphanGuard.class.getName(),
                OrphanGuard.arguments("kafka.Kafka", List.of(config.toString())), setup.env());
    }

    /** Waits until the current launch logs that it serves; fails with its log when it dies first. */
    public void awaitStarted() {
        ChildJvm current;
        synchronized (this) {
            current = jvm;
        }
        try {
            current.awaitReady(() -> logContains("Kafka Server started"), START_TIMEOUT, "started");
        } catch (RuntimeException e) {
            throw new IllegalStateException("node " + id() + ": " + e.getMessage() + "\n" + ChildJvm.tailOf(logFile(), 40), e);
        }
        LOG.info("node {} serves at {} ({})", id(), bootstrapServer(), setup());
    }

    /** {@link #launch} and {@link #awaitStarted}. */
    public void start(BrokerSetup setup) {
        launch(setup);
        awaitStarted();
    }

    /** A clean stop (SIGTERM: Kafka's controlled shutdown moves its leaderships away first). */
    public void stop() {
        ChildJvm current = current();
        if (current != null) {
            current.close();
        }
        jmx.close();
    }

    /** {@code kill -9}: the JVM (and the emulator's device process, if any) ends at once, with no shutdown. */
    public void kill() {
        ChildJvm current = current();
        if (current != null) {
            current.killNow();
        }
        jmx.close();
    }

    /**
     * Makes this node's emulated QAT device fail {@code percent}% of requests from now on (0: none), through a bean
     * created in the broker ({@link EmulatorFaultSwitch}). Needs a running launch with the agent on the emulator.
     */
    public void injectDeviceFaults(int percent) {
        BrokerSetup now = setup();
        if (!isRunning() || now.emulatorDir() == null) {
            throw new IllegalStateException("node " + id() + " does not run kqat on the emulator (" + now + ")");
        }
        jmx.createMBean(EmulatorFaultSwitch.class.getName(), EmulatorFaultSwitch.NAME, now.emulatorDir().toString());
        jmx.invoke(EmulatorFaultSwitch.NAME, "injectFaults", percent);
    }

    /** Requests this node's emulated device failed on purpose since {@link #injectDeviceFaults} was first called. */
    public long injectedDeviceFaults() {
        return ((Number) jmx().attribute(EmulatorFaultSwitch.NAME, "RandomFaults")).longValue();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized ChildJvm current() {
        return jvm;
    }

    private static String location(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
