package io.kqat.local.cpu;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of a JVM's live threads, grouped by whom they work for, from its {@code ThreadMXBean} (this JVM's, or a
 * remote one's proxy): full thread names, where Linux's {@code comm} keeps only 15 characters and so cannot tell a
 * broker's request handlers from its network threads. Threads that ended are not counted: read before they end.
 */
public final class ThreadCpu {
    /** The thread that calls send() or poll() in kqat's e2e and workload programs. */
    public static final String APPLICATION = "application";
    /** A producer's sender thread, which sends batches already compressed. */
    public static final String SENDER = "sender";
    /** A broker's request handlers, which validate (decompress) and recompress batches. */
    public static final String HANDLERS = "handlers";
    /** kqat's own: the QAT hang probe, start-up ({@code kqat-start}), parallel member compression. */
    public static final String KQAT = "kqat";
    /** JIT, GC, network, coordinator and every other thread. */
    public static final String OTHER = "other";

    private ThreadCpu() {
    }

    /** The group of a thread, by its name. */
    public static String group(String threadName) {
        if (threadName.startsWith("kqat-")) {
            return KQAT;
        }
        if (threadName.startsWith("kafka-producer-network-thread")) {
            return SENDER;
        }
        if (threadName.startsWith("data-plane-kafka-request-handler-")) {
            return HANDLERS;
        }
        return threadName.equals("main") ? APPLICATION : OTHER;
    }

    /** CPU nanoseconds per group, every group present (0 when it has no thread). */
    public static Map<String, Long> byGroup(ThreadMXBean threads) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String g : new String[] {APPLICATION, SENDER, HANDLERS, KQAT, OTHER}) {
            cpu.put(g, 0L);
        }
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && nanos > 0) {
                cpu.merge(group(infos[i].getThreadName()), nanos, Long::sum);
            }
        }
        return cpu;
    }

    /** The CPU nanoseconds of this JVM's threads whose names start with {@code prefix}. */
    public static long named(ThreadMXBean threads, String prefix) {
        long sum = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && infos[i].getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(ids[i]));
            }
        }
        return sum;
    }
}
