package io.kqat.stress.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Mode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of kqat's decoder (GzipStreamDecoder, through the public API: the whole-buffer call, the
 * stream fed in uneven pieces and the Kafka hook's batch path) on this machine's software ladder. Every input must
 * decode to what GZIPInputStream gives or be rejected with kqat's own exception, up to the listed differences.
 * In CI it replays the committed corpus ({@code GzipDecoderFuzzTestInputs/decode}); with {@code JAZZER_FUZZ=1} it
 * fuzzes for the annotation's duration; {@code scripts/stress jazzer --minutes N} fuzzes it for N minutes.
 */
class GzipDecoderFuzzTest {
    private static final GzipCodec CODEC = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build());
    private static final GzipCodec JDK = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build());

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] input) {
        check(input);
    }

    /** The entry point of Jazzer's command-line driver (the long form of scripts/stress jazzer). */
    public static void fuzzerTestOneInput(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        Outcome oracle = Oracle.decode(input);
        Judge judge = new Judge(input, oracle);
        SplittableRandom r = new SplittableRandom(input.length);
        long bound = input.length > 0 && (input[0] & 7) == 0 ? 1 + (input.length * 37L) % 4096 : 0;
        for (GzipCodec codec : new GzipCodec[] {CODEC, JDK}) {
            for (DecodePath path : DecodePath.values()) {
                long pathBound = path == DecodePath.BATCH ? 0 : bound;
                Outcome o = path.decode(codec, input, pathBound, r);
                Verdict v = judge.judge(o, pathBound, codec.decompressBackendName());
                assertThat(v.pass).as("%s on %s/%s: kqat %s, GZIPInputStream %s", v, codec.decompressBackendName(), path,
                        o, oracle).isTrue();
            }
        }
    }

    @AfterAll
    static void close() {
        CODEC.close();
        JDK.close();
    }
}
