package io.kqat.bench;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.isal.IsalProvider;
import io.kqat.codec.backend.jdk.JdkBackendProvider;
import io.kqat.codec.backend.libdeflate.LibDeflateProvider;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.Probe;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming inflate of one raw deflate member (zlib level 6 of Kafka-like JSON), input and output taken through
 * windows of the given size, as a reader with fixed memory does: ISA-L's {@code isal_inflate} against the JDK's zlib,
 * with libdeflate's one-shot inflate of the whole member into memory as the reference (it ignores the window).
 * Throughput is members per second; multiply by {@code memberBytes} for bytes per second. Side by side in one run:
 * {@code java -jar bench/target/kqat-benchmarks.jar InflateStreamBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InflateStreamBenchmark {

    @Param({"isal", "jdk", "libdeflate-whole"})
    public String inflater;

    @Param({"65536", "1048576", "67108864"})
    public int memberBytes;

    @Param({"65536", "1048576"})
    public int windowBytes;

    private Backend backend;
    private InflateStream stream;
    private ByteBuffer member;
    private ByteBuffer out;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] deflated = deflate(new KafkaLikeEvents(2026).fill(memberBytes));
        member = ByteBuffer.allocateDirect(deflated.length).put(deflated).flip();
        boolean whole = inflater.equals("libdeflate-whole");
        backend = ready(inflater.equals("isal") ? new IsalProvider()
                : whole ? new LibDeflateProvider() : new JdkBackendProvider());
        if (!whole) {
            stream = backend.newInflateStream();
            if (stream == null) {
                throw new IllegalStateException(inflater + " offers no streaming inflater");
            }
        }
        out = ByteBuffer.allocateDirect(whole ? memberBytes : windowBytes);
        if (inflate() != memberBytes) {
            throw new IllegalStateException(inflater + " did not inflate the member back to " + memberBytes + " bytes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (stream != null) {
            stream.close();
        }
        backend.close();
    }

    @Benchmark
    public long inflate() {
        ByteBuffer src = member.duplicate();
        if (stream == null) {
            backend.inflate(src, out.clear());
            return out.position();
        }
        stream.reset();
        long produced = 0;
        boolean done = false;
        while (!done) {
            src.limit(Math.min(member.limit(), src.position() + windowBytes));
            done = stream.inflate(src, out.clear());
            produced += out.position();
        }
        return produced;
    }

    private static Backend ready(BackendProvider provider) {
        Probe probe = provider.probe(CodecConfig.builder().build());
        if (!probe.isReady()) {
            throw new IllegalStateException(provider.name() + " skipped: " + probe.reason());
        }
        return probe.backend();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4);
            byte[] buf = new byte[1 << 16];
            while (!deflater.finished()) {
                bytes.write(buf, 0, deflater.deflate(buf));
            }
            return bytes.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
