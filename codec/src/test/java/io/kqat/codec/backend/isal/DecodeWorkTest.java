package io.kqat.codec.backend.isal;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Mode;
import io.kqat.codec.gzip.GzipStreamDecoder;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The work each decode path does per member with ISA-L, the default decoder: one native call that inflates the member
 * and computes its CRC32, and no pass of kqat's own over the output. Counted, not timed: a change that brings back a
 * second CRC pass, a probe call or a retry fails here.
 */
class DecodeWorkTest {
    private static final int MEMBERS = 8;

    private static List<byte[]> batches(int memberBytes) {
        List<byte[]> gz = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            gz.add(gzip(new KafkaLikeEvents(i).fill(memberBytes)));
        }
        return gz;
    }

    private interface Path {
        long read(GzipCodec codec, byte[] member) throws Exception;
    }

    private static void countWork(int memberBytes, Path path) throws Exception {
        List<byte[]> gz = batches(memberBytes);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            assertThat(codec.decompressBackendName()).isEqualTo("isal");
            path.read(codec, gz.get(0)); // warm: contexts, pools
            long calls = WholeInflater.CALLS.sum();
            long crc = GzipStreamDecoder.hostCrcBytes();
            long out = 0;
            for (byte[] member : gz) {
                out += path.read(codec, member);
            }
            assertThat(out).isEqualTo((long) MEMBERS * memberBytes);
            assertThat(WholeInflater.CALLS.sum() - calls).as("native inflate calls for %d members", MEMBERS)
                    .isEqualTo(MEMBERS);
            assertThat(GzipStreamDecoder.hostCrcBytes() - crc).as("bytes kqat CRC'd itself").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void theFacadeInflatesEachMemberInOneCallWithItsCrc(int memberBytes) throws Exception {
        countWork(memberBytes, (codec, member) -> codec.decompress(ByteBuffer.wrap(member)).remaining());
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aStreamInflatesEachMemberInOneCallWithItsCrc(int memberBytes) throws Exception {
        countWork(memberBytes, (codec, member) -> {
            try (InputStream in = codec.inputStream(new ByteArrayInputStream(member))) {
                return in.readAllBytes().length;
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aKafkaBatchReadOrSkippedIsInflatedInOneCallWithItsCrc(int memberBytes) throws Exception {
        countWork(memberBytes, (codec, member) -> {
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(member))) {
                return in.readAllBytes().length;
            }
        });
        countWork(memberBytes, (codec, member) -> {
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(member))) {
                return in.skip(Long.MAX_VALUE);
            }
        });
    }
}
