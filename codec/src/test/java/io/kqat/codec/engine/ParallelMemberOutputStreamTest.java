package io.kqat.codec.engine;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members compressed on several threads: the single-threaded stream's bytes, in order, in bounded memory. */
class ParallelMemberOutputStreamTest {
    private static final int MEMBER = 64 << 10;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void writesTheSingleThreadedStreamsBytes(int threads) throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            for (int size : new int[] {0, 1, MEMBER - 1, MEMBER, MEMBER + 1, 3 * MEMBER, 17 * MEMBER + 12_345}) {
                byte[] data = new KafkaLikeEvents(size).fill(size);
                for (int level : new int[] {1, 6}) {
                    byte[] expected = singleThreaded(codec, data, level);
                    byte[] parallel = parallel(codec, data, level, threads, size);
                    assertThat(parallel).as("%d bytes at level %d on %d threads", size, level, threads)
                            .isEqualTo(expected);
                    assertThat(gunzip(parallel)).isEqualTo(data);
                }
            }
        }
    }

    @Test
    void anEmptyStreamIsOneEmptyMemberAndAFullLastChunkAddsNoEmptyOne() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build())) {
            byte[] empty = parallel(codec, new byte[0], 6, 2, 0);
            assertThat(empty).isEqualTo(codec.compress(new byte[0]));
            byte[] exact = parallel(codec, new byte[2 * MEMBER], 6, 2, 1);
            byte[] oneMember = codec.compress(new byte[MEMBER]);
            assertThat(exact).hasSize(2 * oneMember.length);
        }
    }

    @Test
    void membersKeepTheirOrderWhenLaterOnesFinishFirst() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            // Incompressible chunks take longer than runs of zeros, so later members often finish first.
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 40; i++) {
                byte[] chunk = new byte[MEMBER];
                if (i % 4 == 0) {
                    random.nextBytes(chunk);
                }
                chunk[0] = (byte) i;
                data.write(chunk);
            }
            byte[] in = data.toByteArray();
            assertThat(parallel(codec, in, 9, 4, 3)).isEqualTo(singleThreaded(codec, in, 9));
        }
    }

    @Test
    void aFailingTargetFailsTheWriteAndTheClose() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            OutputStream broken = new OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 100_000) {
                        throw new IOException("disk full");
                    }
                }
            };
            byte[] data = new KafkaLikeEvents(3).fill(64 * MEMBER);
            ParallelMemberOutputStream out = ParallelMemberOutputStream.open(compressor(codec), broken, 1, MEMBER, 2);
            assertThatThrownBy(() -> out.write(data, 0, data.length)).isInstanceOf(IOException.class)
                    .hasMessage("disk full");
            assertThatThrownBy(() -> out.write(data, 0, 10)).isInstanceOf(IOException.class)
                    .hasMessageContaining("failed earlier: disk full");
            assertThatThrownBy(out::close).isInstanceOf(IOException.class)
                    .hasMessageContaining("failed earlier: disk full");
            assertThatThrownBy(() -> out.write(1)).hasMessageContaining("closed");
        }
    }

    @Test
    void aFailureAtTheLastMemberFailsTheClose() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            OutputStream broken = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("pipe closed");
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    throw new IOException("pipe closed");
                }
            };
            ParallelMemberOutputStream out = ParallelMemberOutputStream.open(compressor(codec), broken, 6, MEMBER, 2);
            out.write(new byte[100], 0, 100);
            assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessage("pipe closed");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void atMostTwoChunksPerThreadExistWhateverTheInput(int threads) throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            OutputStream slowTarget = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    try {
                        Thread.sleep(2); // a slow disk: compressed members pile up unless the writer waits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            byte[] data = new KafkaLikeEvents(9).fill(MEMBER);
            ParallelMemberOutputStream out = ParallelMemberOutputStream.open(compressor(codec), slowTarget, 1, MEMBER, threads);
            for (int i = 0; i < 100; i++) {
                out.write(data, 0, data.length);
                assertThat(out.chunksCreated()).as("chunks after %d MiB", i + 1).isLessThanOrEqualTo(2 * threads);
            }
            out.close();
        }
    }

    @Test
    void severalDeviceRequestsAreInFlightAndEverySlotComesBack() throws IOException {
        EmulatorControl emu = Emulators.control("iova");
        CodecConfig config = CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_REGION_BYTES, Long.toString(8L << 20)).build();
        try (GzipCodec codec = GzipCodec.create(config)) {
            assertThat(codec.backendName()).isEqualTo("qat");
            emu.resetCounters();
            emu.setLatencyMicros(3000); // each request takes long enough for the next workers to submit theirs
            byte[] data = new KafkaLikeEvents(11).fill(32 * MEMBER);
            byte[] gz = parallel(codec, data, 6, 4, 2);
            assertThat(gunzip(gz)).isEqualTo(data);
            assertThat(emu.counter("max_in_flight")).as("requests on the device at once").isGreaterThan(1);
            assertThat(emu.counter("src_bytes_alloc")).as("source bytes copied into device memory").isZero();
            assertThat(codec.backend("qat").detail().figure("slotsInUse")).as("slots lent after close").isZero();
        } finally {
            emu.setLatencyMicros(0);
        }
    }

    @Test
    void refusesNonsense() {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build())) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertThatThrownBy(() -> ParallelMemberOutputStream.open(compressor(codec), sink, 0, MEMBER, 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 0");
            assertThatThrownBy(() -> ParallelMemberOutputStream.open(compressor(codec), sink, 6, 0, 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ParallelMemberOutputStream.open(compressor(codec), sink, 6, MEMBER, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads 0");
        }
    }

    private static byte[] singleThreaded(GzipCodec codec, byte[] data, int level) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new MemberOutputStream(compressor(codec), sink, level, MEMBER)) {
            out.write(data);
        }
        return sink.toByteArray();
    }

    /** Writes in pieces whose sizes depend on {@code seed}: whole, single bytes, or odd sizes across chunk edges. */
    private static byte[] parallel(GzipCodec codec, byte[] data, int level, int threads, int seed) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream out = ParallelMemberOutputStream.open(compressor(codec), sink, level, MEMBER, threads)) {
            int off = 0;
            while (off < data.length) {
                int n = seed % 3 == 0 ? data.length - off : Math.min(data.length - off, 1 + random.nextInt(3 * MEMBER));
                if (n == 1 || seed % 5 == 1 && off < 100) {
                    out.write(data[off]);
                    n = 1;
                } else {
                    out.write(data, off, n);
                }
                if (random.nextInt(8) == 0) {
                    out.flush();
                }
                off += n;
            }
        }
        return sink.toByteArray();
    }

    private static BatchCompressor compressor(GzipCodec codec) {
        return ((LadderCodec) codec).compressor();
    }
}
