package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gzip;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.ObjectName;

/**
 * A JVM of its own (the bound is one per process): {@code native.memory.bytes} given as a system property, 32 threads
 * each hold 4 batches of 1 MiB of records open at once, read them, and the figures of {@code io.kqat:type=NativeMemory}
 * are written to the file named by the first argument: {@code limit peak refusals decodedOk}.
 */
public final class NativeMemoryProbe {
    private NativeMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] records = new io.kqat.samples.KafkaLikeEvents(9).fill(1 << 20);
        byte[] batch = gzip(records);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Boolean>> reads = new ArrayList<>();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults())) {
            for (int t = 0; t < 32; t++) {
                reads.add(pool.submit(() -> {
                    List<InputStream> open = new ArrayList<>();
                    boolean ok = true;
                    for (int i = 0; i < 4; i++) {
                        open.add(codec.batchInputStream(ByteBuffer.wrap(batch)));
                    }
                    for (InputStream in : open) {
                        ok &= Arrays.equals(in.readAllBytes(), records);
                        in.close();
                    }
                    return ok;
                }));
            }
            boolean all = true;
            for (Future<Boolean> f : reads) {
                all &= f.get();
            }
            ObjectName name = new ObjectName("io.kqat:type=NativeMemory");
            var server = ManagementFactory.getPlatformMBeanServer();
            String line = server.getAttribute(name, "Limit") + " " + server.getAttribute(name, "Peak") + " "
                    + server.getAttribute(name, "Refusals") + " " + all;
            Files.write(Paths.get(args[0]), line.getBytes(StandardCharsets.UTF_8));
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the probe in a JVM of its own with {@code -Dkqat.native.memory.bytes=bytes}; its figures. */
    static long[] run(Path dir, long bytes) throws Exception {
        Path out = dir.resolve("native-memory-" + bytes);
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dkqat.native.memory.bytes=" + bytes,
                NativeMemoryProbe.class.getName(), out.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError("the probe's JVM exited " + p.exitValue());
        }
        String[] f = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).trim().split(" ");
        if (!Boolean.parseBoolean(f[3])) {
            throw new AssertionError("the probe read wrong records");
        }
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
    }
}
