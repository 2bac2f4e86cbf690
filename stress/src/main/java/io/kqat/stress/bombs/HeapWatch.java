package io.kqat.stress.bombs;

import io.kqat.local.LocalKafkaBroker;
import javax.management.openmbean.CompositeData;

/**
 * A broker's heap high-water mark: {@code java.lang:type=Memory} HeapMemoryUsage polled over JMX while the load
 * runs, and at the end the sum of every heap pool's PeakUsage (exact per pool, so an upper bound of the total).
 */
final class HeapWatch implements AutoCloseable {
    private static final String[] SERIAL_HEAP_POOLS = {"Eden Space", "Survivor Space", "Tenured Gen"};

    private final LocalKafkaBroker broker;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long maxUsed;
    private volatile int polls;

    HeapWatch(LocalKafkaBroker broker) {
        this.broker = broker;
        thread = new Thread(this::poll, "kqat-heap-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (!closed && broker.isAlive()) {
            try {
                CompositeData heap = (CompositeData) broker.jmxAttribute("java.lang:type=Memory", "HeapMemoryUsage");
                maxUsed = Math.max(maxUsed, (Long) heap.get("used"));
                polls++;
            } catch (RuntimeException e) {
                // the broker is busy or gone: the next poll tells
            }
        }
    }

    long maxPolledUsed() {
        return maxUsed;
    }

    int polls() {
        return polls;
    }

    /** Sum of the heap pools' peak usage since the broker started. */
    long poolPeaks() {
        long sum = 0;
        for (String pool : SERIAL_HEAP_POOLS) {
            CompositeData peak = (CompositeData) broker.jmxAttribute("java.lang:type=MemoryPool,name=" + pool, "PeakUsage");
            sum += (Long) peak.get("used");
        }
        return sum;
    }

    long maxHeap() {
        return (Long) ((CompositeData) broker.jmxAttribute("java.lang:type=Memory", "HeapMemoryUsage")).get("max");
    }

    @Override
    public void close() {
        closed = true;
    }
}
