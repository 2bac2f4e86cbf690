package io.kqat.codec.zstd.lz4s;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.zstd.libzstd.SequenceCompressor;
import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.samples.KafkaLikeEvents;
import io.kqat.testkit.lz4s.GreedyLz4s;
import io.kqat.testkit.lz4s.Lz4sReference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid LZ4s streams (bits flipped, bytes set, cut, inserted, repeated; the expected length
 * changed): the converter must refuse exactly what the independent reference reader refuses, with its own exception
 * only (no crash), in bounded time (no hang), and what it accepts must describe exactly the bytes the reference reads
 * (no wrong output); some accepted parses also go through libzstd and zstd-jni. Prints its counts.
 */
class Lz4sConverterFuzzTest {
    private static final int WINDOW = 32 << 10;
    private static final int ITERATIONS = 40_000;
    private static final long SEED = 0x4C5A3473L;

    @Test
    void randomMutationsNeverCrashHangOrMisconvert() {
        Assertions.assertTimeoutPreemptively(Duration.ofMinutes(3), this::campaign);
    }

    private void campaign() {
        Random r = new Random(SEED);
        List<byte[]> data = new ArrayList<>();
        List<byte[]> streams = new ArrayList<>();
        for (int size : new int[] {0, 1, 17, 300, 4000, 20_000, 70_000}) {
            byte[] d = new KafkaLikeEvents(size).fill(size);
            data.add(d);
            streams.add(new GreedyLz4s(3, WINDOW, new Random(size)).encode(d));
        }
        int accepted = 0;
        int refused = 0;
        int encoded = 0;
        Sequences seqs = new Sequences(80_000);
        Lz4sConverter converter = new Lz4sConverter(3, WINDOW);
        try (SequenceCompressor compressor = SequenceCompressor.create()) {
            for (int i = 0; i < ITERATIONS; i++) {
                int which = r.nextInt(streams.size());
                byte[] stream = mutate(streams.get(which), r);
                int length = Math.max(0, Math.min(79_000, data.get(which).length + (r.nextInt(8) == 0 ? r.nextInt(7) - 3 : 0)));
                byte[] expected;
                try {
                    expected = Lz4sReference.decode(stream, 3, WINDOW, length);
                } catch (Lz4sReference.Refused e) {
                    expected = null;
                }
                boolean ok;
                try {
                    converter.convert(ByteBuffer.wrap(stream), length, seqs);
                    ok = true;
                } catch (Lz4sFormatException e) {
                    ok = false;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("crash on iteration " + i + ": " + Arrays.toString(stream), e);
                }
                assertThat(ok).as("iteration %d: converter %s, reference %s", i, ok ? "accepted" : "refused",
                        expected == null ? "refused" : "accepted").isEqualTo(expected != null);
                if (!ok) {
                    refused++;
                    continue;
                }
                accepted++;
                assertThat(SequenceReplay.replay(seqs, expected, WINDOW)).as("iteration %d", i).isEqualTo(expected);
                if (accepted % 64 == 0) {
                    ByteBuffer dst = ByteBuffer.allocateDirect(expected.length + 1024);
                    compressor.compress(ByteBuffer.allocateDirect(expected.length).put(expected).flip(), seqs, dst, 3);
                    byte[] frame = new byte[dst.flip().remaining()];
                    dst.get(frame);
                    assertThat(Zstd.decompress(frame, expected.length)).as("iteration %d", i).isEqualTo(expected);
                    encoded++;
                }
            }
        }
        System.out.printf("kqat LZ4s fuzz: %d mutated streams, %d accepted (%d also encoded and decoded), %d refused, "
                + "0 crashes, 0 hangs, 0 wrong outputs%n", ITERATIONS, accepted, encoded, refused);
        assertThat(accepted).as("mutations keep some streams valid").isGreaterThan(ITERATIONS / 20);
        assertThat(refused).as("and break most").isGreaterThan(ITERATIONS / 4);
    }

    static byte[] mutate(byte[] s, Random r) {
        byte[] m = s;
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int at = m.length == 0 ? 0 : r.nextInt(m.length);
            switch (r.nextInt(7)) {
                case 0:
                    if (m.length > 0) {
                        m = m.clone();
                        m[at] ^= 1 << r.nextInt(8);
                    }
                    break;
                case 1:
                    if (m.length > 0) {
                        m = m.clone();
                        m[at] = (byte) new int[] {0, 0xFF, 0x0F, 0xF0, 0x10, 0x01, r.nextInt(256)}[r.nextInt(7)];
                    }
                    break;
                case 2: {
                    int n = Math.min(m.length - at, 1 + r.nextInt(8));
                    byte[] cut = new byte[m.length - n];
                    System.arraycopy(m, 0, cut, 0, at);
                    System.arraycopy(m, at + n, cut, at, m.length - at - n);
                    m = cut;
                    break;
                }
                case 3: {
                    byte[] extra = new byte[1 + r.nextInt(8)];
                    r.nextBytes(extra);
                    m = splice(m, at, extra);
                    break;
                }
                case 4:
                    m = Arrays.copyOf(m, at);
                    break;
                case 5: {
                    int n = Math.min(m.length - at, 1 + r.nextInt(32));
                    m = splice(m, at, Arrays.copyOfRange(m, at, at + n));
                    break;
                }
                default:
                    break; // keep: the length change alone
            }
        }
        return m;
    }

    private static byte[] splice(byte[] m, int at, byte[] extra) {
        byte[] out = new byte[m.length + extra.length];
        System.arraycopy(m, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(m, at, out, at + extra.length, m.length - at);
        return out;
    }
}
