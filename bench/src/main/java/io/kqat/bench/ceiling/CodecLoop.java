package io.kqat.bench.ceiling;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Java side of the ceiling comparison, measured the way the C harness measures its libraries: the same members
 * (the file cut into {@code memberBytes} pieces, in direct memory), one warm-up pass, then the median of
 * {@code repeats} runs of passes over every member lasting at least {@code seconds} of this thread's CPU time. Compress rows write one gzip
 * member per piece with {@link GzipCodec#compress}; inflate rows decode the members the JDK (zlib) wrote at level 6
 * through one of the {@link DecodePath}s, as the C harness decodes zlib's.
 */
final class CodecLoop {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<ByteBuffer> members = new ArrayList<>();
    /** The members as zlib wrote them at level 6, made on first use. */
    private final List<ByteBuffer> gz = new ArrayList<>();
    private long gzBytes;
    private final long total;
    private final double seconds;
    private final int repeats;

    CodecLoop(byte[] data, int memberBytes, double seconds, int repeats) {
        for (int off = 0; off < data.length; off += memberBytes) {
            int n = Math.min(memberBytes, data.length - off);
            members.add(ByteBuffer.allocateDirect(n).put(data, off, n).flip());
        }
        this.total = data.length;
        this.seconds = seconds;
        this.repeats = repeats;
    }

    /** MB/s and ratio of {@code backend} compressing every member at {@code level}. */
    double[] compress(String backend, int level) {
        try (GzipCodec codec = open(backend, level)) {
            int max = members.stream().mapToInt(ByteBuffer::remaining).max().orElse(0);
            ByteBuffer out = ByteBuffer.allocateDirect(codec.maxCompressedLength(max));
            long written = 0;
            Runnable pass = () -> {
                for (ByteBuffer m : members) {
                    out.clear();
                    codec.compress(m.duplicate(), out, level);
                }
            };
            for (ByteBuffer m : members) {
                out.clear();
                written += codec.compress(m.duplicate(), out, level);
            }
            return new double[] {time(pass), (double) total / written};
        }
    }

    /**
     * The ways kqat decodes a member: {@link GzipCodec#decompress} into a new heap buffer, {@link GzipCodec#inputStream}
     * read into the caller's array, and {@link GzipCodec#batchInputStream} (a Kafka batch) read the same way.
     */
    enum DecodePath {
        WHOLE, STREAM, BATCH;

        static DecodePath named(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** MB/s of {@code backend} inflating the zlib level-6 members through {@link DecodePath#WHOLE}, and their ratio. */
    double[] inflate(String backend) {
        return inflate(backend, DecodePath.WHOLE);
    }

    /** MB/s of {@code backend} inflating the zlib level-6 members through {@code path}, and their ratio. */
    double[] inflate(String backend, DecodePath path) {
        if (gz.isEmpty()) {
            try (GzipCodec zlib = open("jdk", 6)) {
                for (ByteBuffer m : members) {
                    ByteBuffer member = ByteBuffer.wrap(zlib.compress(bytes(m)));
                    gz.add(ByteBuffer.allocateDirect(member.remaining()).put(member).flip());
                    gzBytes += member.capacity();
                }
            }
        }
        // the level does not matter to inflate; isal compresses only levels 1-2, so its codec is opened at 1
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).level(1).build())) {
            if (!codec.decompressBackendName().equals(backend)) {
                throw new IllegalStateException("backend " + backend + " does not inflate");
            }
            for (int i = 0; i < gz.size(); i++) {
                if (!codec.decompress(gz.get(i).duplicate()).equals(members.get(i).duplicate())) {
                    throw new IllegalStateException(backend + " does not give member " + i + " back");
                }
            }
            byte[] sink = new byte[64 << 10];
            Runnable pass = () -> {
                for (ByteBuffer m : gz) {
                    decode(codec, path, m.duplicate(), sink);
                }
            };
            return new double[] {time(pass), (double) total / gzBytes};
        }
    }

    private static void decode(GzipCodec codec, DecodePath path, ByteBuffer member, byte[] sink) {
        if (path == DecodePath.WHOLE) {
            codec.decompress(member);
            return;
        }
        try (InputStream in = path == DecodePath.STREAM ? codec.inputStream(new BufferInputStream(member))
                : codec.batchInputStream(member)) {
            while (in.read(sink) >= 0) {
                // the records are read as a consumer reads them, into its own array
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double time(Runnable pass) {
        pass.run();
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            rates[r] = rate(pass);
        }
        Arrays.sort(rates);
        return rates[repeats / 2];
    }

    /** MB per CPU-second of one run: whole passes until this thread has used at least {@code seconds} of CPU. */
    private double rate(Runnable pass) {
        long start = THREADS.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long end;
        int passes = 0;
        for (;;) {
            pass.run();
            passes++;
            end = THREADS.getCurrentThreadCpuTime();
            if (end >= deadline) {
                return total * (double) passes / ((end - start) / 1e9) / 1e6;
            }
        }
    }

    private static GzipCodec open(String backend, int level) {
        GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).level(level).build());
        if (!codec.backendName().equals(backend)) {
            codec.close();
            throw new IllegalStateException("backend " + backend + " does not serve level " + level);
        }
        return codec;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
