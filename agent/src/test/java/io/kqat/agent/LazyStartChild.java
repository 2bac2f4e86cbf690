package io.kqat.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import net.bytebuddy.agent.ByteBuddyAgent;
import io.kqat.codec.metrics.KqatObjectNames;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The JVM of {@link LazyStartTest}: the agent installed as {@code -javaagent} would (premain with these options), then
 * Kafka batches built and read with lz4 and none, as a tool sharing the broker's {@code KAFKA_OPTS} does; with the
 * argument {@code gzip}, one gzip batch too. Prints what it holds of kqat's, then waits for a line on stdin (so the
 * test can try to take the device meanwhile) and exits.
 */
public final class LazyStartChild {
    private LazyStartChild() {
    }

    public static void main(String[] args) throws Exception {
        KqatAgent.premain(args[0], ByteBuddyAgent.install());
        batch(Compression.lz4().build());
        batch(Compression.NONE);
        if (args.length > 1 && args[1].equals("gzip")) {
            batch(Compression.gzip().build());
            KafkaGzipHook.startNow();
        }
        System.out.println("KQAT-LAZY threads=" + kqatThreads() + " device=" + deviceProcesses() + " libqat="
                + mapped("libqat") + " libusdm=" + mapped("libusdm") + " mbean="
                + ManagementFactory.getPlatformMBeanServer().isRegistered(KqatObjectNames.codec()));
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static void batch(Compression compression) {
        MemoryRecordsBuilder b = MemoryRecords.builder(ByteBuffer.allocate(1 << 16), compression,
                TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < 100; i++) {
            b.append(i, null, ("record " + i).getBytes(StandardCharsets.UTF_8));
        }
        for (RecordBatch batch : b.build().batches()) {
            batch.ensureValid();
            batch.forEach(r -> { });
        }
    }

    private static long kqatThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kqat-")).count();
    }

    private static long deviceProcesses() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("kqat-emu-device")).orElse(false)).count();
    }

    private static boolean mapped(String library) throws IOException {
        return Files.readAllLines(Paths.get("/proc/self/maps")).stream().anyMatch(l -> l.contains(library));
    }
}
