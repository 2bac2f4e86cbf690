package io.kqat.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches kqat on from a Kafka configuration, for JVMs that cannot take a {@code -javaagent} flag: list this class in
 * {@code metric.reporters} (producers, consumers, admin clients and brokers all instantiate it at start) and set
 * settings as {@code kqat.mode}, {@code kqat.qat.region.bytes}, ... It attaches kqat's agent to the running JVM once.
 *
 * <p>Limits: needs a full JDK (the {@code jdk.attach} module); attaching may start a short-lived helper process,
 * which locked-down containers can forbid; JDK 21+ prints a warning about dynamically loaded agents; batches built
 * before the first such client is configured used stock gzip. Reports no metrics itself.
 */
public final class KqatMetricsReporter implements MetricsReporter {
    private static final Logger LOG = LoggerFactory.getLogger(KqatMetricsReporter.class);
    static final String PREFIX = "kqat.";

    @Override
    public void configure(Map<String, ?> configs) {
        AgentOptions parsed = options(configs);
        try {
            KqatAgent.install(parsed, ByteBuddyAgent.install());
        } catch (IllegalStateException e) {
            LOG.error("kqat: could not attach to this JVM ({}); Kafka gzip stays stock. "
                    + "Use -javaagent:kqat-agent.jar instead.", e.getMessage());
        }
    }

    /** The agent's options from a Kafka configuration's {@code kqat.}-prefixed keys. */
    static AgentOptions options(Map<String, ?> configs) {
        Map<String, String> options = new LinkedHashMap<>();
        configs.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && v != null) {
                options.put(k.substring(PREFIX.length()), v.toString());
            }
        });
        return AgentOptions.parse(options);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
