package io.kqat.codec.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.codec.spi.InflateRestart;
import io.kqat.codec.spi.InflateStream;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The ladder's piece-by-piece inflater: which rung serves a member, what a failure costs it, and the breaker. */
class LadderInflateStreamTest {
    private static final byte[] PLAIN = new KafkaLikeEvents(4).fill(200_000);
    private static final ByteBuffer DEFLATED = deflate(PLAIN);

    private static ByteBuffer deflate(byte[] data) {
        Deflater d = new Deflater(6, true);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + 1024];
        int n = d.deflate(out);
        d.end();
        return ByteBuffer.wrap(out, 0, n).slice();
    }

    /** One member through the stream in 16 KiB pieces of output, redone from its start when told to. */
    private static byte[] member(InflateStream stream) {
        stream.reset();
        ByteBuffer in = DEFLATED.duplicate();
        ByteBuffer all = ByteBuffer.allocate(PLAIN.length);
        while (true) {
            ByteBuffer piece = all.duplicate();
            piece.limit(Math.min(all.capacity(), all.position() + 16_384));
            try {
                boolean end = stream.inflate(in, piece);
                all.position(piece.position());
                if (end) {
                    return java.util.Arrays.copyOf(all.array(), all.position());
                }
            } catch (InflateRestart redo) {
                in = DEFLATED.duplicate();
                all.clear();
            }
        }
    }

    private static Rung rung(BackendLadder ladder, String name) {
        return ladder.rungs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMemberGoesToTheFirstStreamingRungAndAFailureHandsItToTheNext() {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        first.backend().streaming().pieces().then(2, Outcome.SUCCEED).then(Outcome.runtime());
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), List.of(first));
             InflateStream stream = ladder.openInflateStream()) {
            assertThat(member(stream)).isEqualTo(PLAIN);
            assertThat(member(stream)).as("the next member goes back to the first rung").isEqualTo(PLAIN);
            assertThat(rung(ladder, "first").snapshot().getErrors()).isEqualTo(1);
            assertThat(rung(ladder, "first").snapshot().getFallbacks()).isEqualTo(1);
            assertThat(rung(ladder, "first").snapshot().getDecompressBatches()).isEqualTo(1);
            assertThat(rung(ladder, "jdk").snapshot().getDecompressBatches()).isEqualTo(1);
            assertThat(rung(ladder, "jdk").snapshot().getDecompressBytesOut()).isEqualTo(PLAIN.length);
        }
    }

    @Test
    void fiveFaultsInARowOpenTheBreakerAndLaterMembersSkipTheRung() {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        first.backend().streaming().pieces().always(Outcome.deviceFault());
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), List.of(first));
             InflateStream stream = ladder.openInflateStream()) {
            for (int i = 0; i < 8; i++) {
                assertThat(member(stream)).isEqualTo(PLAIN);
            }
            assertThat(first.backend().pieces().calls()).as("pieces tried before the breaker opened").isEqualTo(5);
            assertThat(rung(ladder, "first").circuitOpen()).isTrue();
            assertThat(rung(ladder, "first").snapshot().getFallbacks()).as("5 failures, 3 skipped").isEqualTo(8);
            assertThat(rung(ladder, "jdk").snapshot().getDecompressBatches()).isEqualTo(8);
        }
    }

    @Test
    void aDeclineIsNoFaultAndTheLastRungsFailureReachesTheCaller() {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        first.backend().streaming().pieces().then(Outcome.decline());
        ScriptedProvider last = new ScriptedProvider("jdk", 100);
        last.backend().streaming().pieces().always(Outcome.runtime());
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), List.of(first, last));
             InflateStream stream = ladder.openInflateStream()) {
            assertThatThrownBy(() -> member(stream)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("scripted RuntimeException");
            assertThat(rung(ladder, "first").snapshot().getErrors()).as("a decline is not a fault").isZero();
            assertThat(rung(ladder, "first").snapshot().getFallbacks()).isEqualTo(1);
        }
    }
}
