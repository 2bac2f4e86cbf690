package io.kqat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One stock broker for every test class of the run that registers this extension (client scenarios need no broker of
 * their own: each writes its own topics), started before the first such class and stopped when the run ends. Each
 * class gets a work directory of its own for its clients' reports and output.
 */
final class SharedStockBroker implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStockBroker.class);

    private Path work;
    private TestBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        work = Files.createTempDirectory("kqat-it-" + context.getRequiredTestClass().getSimpleName());
        broker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stock-broker", key -> Started.broker(), Started.class).broker;
    }

    Path work() {
        return work;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    /** Closed by JUnit when the root context (the whole run) ends. */
    private static final class Started implements AutoCloseable {
        private final TestBroker broker;

        private Started(TestBroker broker) {
            this.broker = broker;
        }

        static Started broker() {
            try {
                Path dir = Files.createTempDirectory("kqat-it-shared-broker");
                return new Started(TestBrokers.start(dir, null, Map.of()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
