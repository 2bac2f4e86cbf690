package io.kqat.stress.child;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import io.kqat.local.workload.ProgramOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Option;

/**
 * The Connect transforms' decode (GzipDecompress calls {@code GzipCodec.decompress} on each record's bytes) on
 * {@code --threads} threads at once, {@code --batches} values each: genuine window bombs (8 KiB of gzip that inflate to
 * 4 MiB), and 8 KiB members whose ISIZE is forged to say 4 MiB, which must be refused as stock gzip refuses them
 * (their length does not match) after being read. Reports what decoded, what was refused, what else failed (an
 * {@code OutOfMemoryError} included) and the largest direct memory seen.
 */
public final class WindowBombDecompress {
    private WindowBombDecompress() {
    }

    static final class Options extends ProgramOptions {
        @Option(names = "--threads")
        int threads = 64;
        @Option(names = "--batches")
        int batches = 4;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        AtomicLong decoded = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        ExecutorService pool = Executors.newFixedThreadPool(args.threads);
        List<Future<?>> all = new ArrayList<>();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults());
             WindowBomb.DirectWatch direct = new WindowBomb.DirectWatch()) {
            for (int t = 0; t < args.threads; t++) {
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < args.batches; i++) {
                        try {
                            byte[] value = WindowBomb.value(thread, i);
                            if (Arrays.equals(codec.decompress(gzip(value)), value)) {
                                decoded.incrementAndGet();
                            }
                            codec.decompress(forged(thread, i));
                        } catch (CorruptGzipException e) {
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet("", e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            Properties report = new Properties();
            report.setProperty("decoded", Long.toString(decoded.get()));
            report.setProperty("refused", Long.toString(refused.get()));
            report.setProperty("failed", Long.toString(failed.get()));
            report.setProperty("firstFailure", firstFailure.get());
            report.setProperty("directPeak", Long.toString(direct.peak()));
            ChildReport.write(args.report(), report);
        }
    }

    /** 8 KiB of noise as one member whose trailer claims 4 MiB. */
    static byte[] forged(int t, int i) throws IOException {
        byte[] noise = new byte[8 << 10];
        new SplittableRandom(t * 31L + i).nextBytes(noise);
        byte[] gz = gzip(noise);
        ByteBuffer.wrap(gz).order(ByteOrder.LITTLE_ENDIAN).putInt(gz.length - 4, WindowBomb.VALUE_BYTES);
        return gz;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
