package io.kqat.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real broker for a test class, started before its first test and stopped after its last, with a work directory. */
final class BrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private final String agentOptions;
    private Path work;
    private TestBroker broker;

    private BrokerExtension(String agentOptions) {
        this.agentOptions = agentOptions;
    }

    /** A stock broker. */
    static BrokerExtension stock() {
        return new BrokerExtension(null);
    }

    /** A broker running the kqat agent with these options ("" for the defaults). */
    static BrokerExtension withAgent(String agentOptions) {
        return new BrokerExtension(agentOptions);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory("kqat-it-" + context.getRequiredTestClass().getSimpleName());
        broker = TestBrokers.start(work.resolve("broker"), agentOptions, Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    Path work() {
        return work;
    }

    TestBroker broker() {
        return broker;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }
}
