package io.kqat.tools.bench;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The zstd rows of {@code kqat bench}: each of kqat's ready zstd rungs ({@code qat-zstd}, {@code qat-lz4s},
 * {@code libzstd}) forced by name, one frame per batch written through the batch stream as Kafka's zstd hook writes it
 * (into the device's mapped region under QAT), beside {@code zstd-jni} (Kafka's own zstd library, one frame per batch)
 * on the same batches, in the same run.
 */
public final class ZstdBenchRunner {
    /** The stock row: zstd-jni, the library Kafka's zstd uses. */
    public static final String STOCK = "zstd-jni";
    public static final List<Integer> DEFAULT_LEVELS = List.of(1, 3, 12);

    private final List<byte[]> batches = new ArrayList<>();
    private final long inputBytes;
    private final double secondsPerCell;

    public ZstdBenchRunner(byte[] data, int batchSize, double secondsPerCell) {
        for (int off = 0; off < data.length; off += batchSize) {
            batches.add(Arrays.copyOfRange(data, off, Math.min(data.length, off + batchSize)));
        }
        this.inputBytes = data.length;
        this.secondsPerCell = secondsPerCell;
    }

    /** zstd-jni, then kqat's zstd rungs ready under {@code base}, best first (none when zstd.mode is off). */
    public static List<String> rows(CodecConfig base) {
        List<String> rows = new ArrayList<>(List.of(STOCK));
        try (ZstdCodec probe = ZstdCodec.create(base)) {
            probe.backends().stream().filter(BackendStatus::ready).map(BackendStatus::name).forEach(rows::add);
        }
        return rows;
    }

    /** The figures of one row at one level, or null when that rung does not compress at the level. */
    public BenchResult run(CodecConfig base, String row, int level) {
        if (row.equals(STOCK)) {
            return stock(level);
        }
        try (ZstdCodec codec = ZstdCodec.create(base.toBuilder().set(KqatSettings.ZSTD_BACKEND, row).build())) {
            BackendStatus own = rung(codec, row);
            if (!own.compresses(level)) {
                return null;
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            List<byte[]> frames = new ArrayList<>();
            for (byte[] b : batches) {
                frames.add(frame(codec, b, level, sink));
            }
            double compress = BenchTiming.timed(() -> batches.forEach(b -> frame(codec, b, level, sink)), inputBytes,
                    secondsPerCell);
            double decompress = !own.inflates() ? Double.NaN : BenchTiming.timed(() -> frames.forEach(
                    f -> codec.decompress(ByteBuffer.wrap(f), Long.MAX_VALUE)), inputBytes, secondsPerCell);
            BackendStatus now = rung(codec, row);
            return new BenchResult(row, level, inputBytes, frames.stream().mapToLong(f -> f.length).sum(), compress,
                    decompress, now.mode(), now.stats().getCompressCopiedIn(), now.stats().getCompressBytesIn());
        }
    }

    private BenchResult stock(int level) {
        List<byte[]> frames = new ArrayList<>();
        batches.forEach(b -> frames.add(Zstd.compress(b, level)));
        double compress = BenchTiming.timed(() -> batches.forEach(b -> Zstd.compress(b, level)), inputBytes,
                secondsPerCell);
        double decompress = BenchTiming.timed(() -> {
            for (int i = 0; i < frames.size(); i++) {
                Zstd.decompress(frames.get(i), batches.get(i).length);
            }
        }, inputBytes, secondsPerCell);
        return new BenchResult(STOCK, level, inputBytes, frames.stream().mapToLong(f -> f.length).sum(), compress,
                decompress, "software", 0, 0);
    }

    /** One batch through the batch stream, written whole as Kafka's stream hands over its buffer. */
    private static byte[] frame(ZstdCodec codec, byte[] batch, int level, ByteArrayOutputStream sink) {
        sink.reset();
        try (OutputStream out = codec.batchOutputStream(sink, level)) {
            out.write(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    private static BackendStatus rung(ZstdCodec codec, String name) {
        return codec.backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
