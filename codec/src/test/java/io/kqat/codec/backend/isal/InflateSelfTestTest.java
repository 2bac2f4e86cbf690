package io.kqat.codec.backend.isal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up self test passes on the installed library, catches each kind of wrong behaviour, and gates the offer. */
class InflateSelfTestTest {

    @BeforeAll
    static void library() {
        IsalLibrary.requireLoaded();
    }

    @Test
    void passesOnTheInstalledLibrary() {
        for (int run = 1; run <= 2; run++) {
            long start = System.nanoTime();
            assertThat(SelfTest.streaming(IsalInflateStream::new)).isNull();
            System.out.printf("isal streaming inflate self test, run %d: %.1f ms%n", run, (System.nanoTime() - start) / 1e6);
        }
    }

    @Test
    void catchesAStreamThatStopsPastTheEnd() {
        String failure = SelfTest.streaming(() -> new Wrapped() {
            @Override
            public boolean inflate(ByteBuffer src, ByteBuffer dst) {
                boolean done = super.inflate(src, dst);
                if (done && src.hasRemaining()) {
                    src.get(); // as if ISA-L's read-ahead were counted as used
                }
                return done;
            }
        });
        assertThat(failure).contains("input stopped at");
    }

    @Test
    void catchesAStreamThatAltersTheOutput() {
        String failure = SelfTest.streaming(() -> new Wrapped() {
            @Override
            public boolean inflate(ByteBuffer src, ByteBuffer dst) {
                int start = dst.position();
                boolean done = super.inflate(src, dst);
                if (dst.position() > start) {
                    dst.put(start, (byte) (dst.get(start) ^ 1));
                }
                return done;
            }
        });
        assertThat(failure).contains("output differs");
    }

    @Test
    void catchesAStreamThatNeverEnds() {
        String failure = SelfTest.streaming(() -> new Wrapped() {
            @Override
            public boolean inflate(ByteBuffer src, ByteBuffer dst) {
                super.inflate(src, dst);
                return false;
            }
        });
        assertThat(failure).containsAnyOf("used up before the end", "no end after");
    }

    @Test
    void catchesAStreamThatThrowsOrCannotBeMade() {
        Supplier<InflateStream> throwing = () -> new Wrapped() {
            @Override
            public boolean inflate(ByteBuffer src, ByteBuffer dst) {
                throw new IllegalStateException("isal_inflate reported impossible figures");
            }
        };
        assertThat(SelfTest.streaming(throwing)).contains("impossible figures");
        assertThat(SelfTest.streaming(() -> {
            throw new UnsatisfiedLinkError("isal_inflate");
        })).contains("UnsatisfiedLinkError");
    }

    @Test
    void aFailedSelfTestWithdrawsTheInflaterButNotCompression() {
        try (IsalBackend backend = new IsalBackend(false)) {
            assertThat(backend.newInflateStream()).isNull();
            byte[] plain = new KafkaLikeEvents(1).fill(100_000);
            ByteBuffer src = ByteBuffer.allocateDirect(plain.length).put(plain).flip();
            ByteBuffer dst = ByteBuffer.allocateDirect(backend.deflateBound(plain.length));
            Backend.Deflated d = backend.deflate(src, dst, 1);
            byte[] deflated = new byte[d.produced()];
            dst.flip().get(deflated);
            assertThat(Zlib.inflate(deflated).output()).isEqualTo(plain);
        }
    }

    @Test
    void aBackendWhoseInflaterPassedCompressesAndOffersTheStreamingInflater() {
        try (IsalBackend backend = new IsalBackend(true)) {
            ByteBuffer src = ByteBuffer.allocateDirect(1_000).put(new KafkaLikeEvents(3).fill(1_000)).flip();
            backend.deflate(src, ByteBuffer.allocateDirect(backend.deflateBound(1_000)), 2);
            assertThat(backend.capabilities().inflates()).isTrue();
            try (InflateStream stream = backend.newInflateStream()) {
                assertThat(stream).isNotNull();
            }
        }
    }

    @Test
    void theProbedBackendInflatesWholeMembersAndOffersTheStreamingInflater() {
        Probe probe = new IsalProvider().probe(CodecConfig.builder().build());
        assertThat(probe.isReady()).as(probe.reason()).isTrue();
        Backend backend = probe.backend();
        try {
            assertThat(backend.capabilities().inflates()).isTrue();
            byte[] plain = new KafkaLikeEvents(2).fill(200_000);
            byte[] deflated = Windows.deflate(plain, 6);
            try (InflateStream stream = backend.newInflateStream()) {
                assertThat(stream).isInstanceOf(IsalInflateStream.class);
                Windows.Outcome o = Windows.drive(stream, deflated, Windows.fixed(65_536), Windows.fixed(65_536));
                assertThat(o.output()).isEqualTo(plain);
            }
        } finally {
            backend.close();
        }
    }

    /** A real stream, to be bent by a test. */
    private static class Wrapped implements InflateStream {
        private final IsalInflateStream real = new IsalInflateStream();

        @Override
        public void reset() {
            real.reset();
        }

        @Override
        public boolean inflate(ByteBuffer src, ByteBuffer dst) {
            return real.inflate(src, dst);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
