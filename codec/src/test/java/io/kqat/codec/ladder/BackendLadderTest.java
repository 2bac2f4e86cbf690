package io.kqat.codec.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.KqatException;
import io.kqat.codec.Mode;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.Script;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ladder on scripted backends: order, exclusions, what falls back, what is counted, and where. */
class BackendLadderTest {

    private final ScriptedProvider deviceRung = new ScriptedProvider("device", 10).device(true);
    private final ScriptedProvider softRung = new ScriptedProvider("soft", 30);
    private final Script device = deviceRung.backend().deflates();
    private final Script soft = softRung.backend().deflates();

    private BackendLadder ladder(CodecConfig config) {
        // Given out of rank order on purpose: the ladder sorts.
        return LadderBuilder.build(config, Arrays.asList(softRung,
                new ScriptedProvider("missing", 5).device(true).absent("absent here"), deviceRung));
    }

    private static int compress(BackendLadder ladder, byte[] data) {
        ByteBuffer dst = ByteBuffer.allocate(data.length + 1024);
        return ladder.compress(6, data.length, (b, copies) -> {
            ByteBuffer src = ByteBuffer.wrap(data);
            return b.deflate(src, dst.duplicate(), 6).produced();
        }, n -> n);
    }

    private static Rung rung(BackendLadder ladder, String name) {
        return ladder.rungs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rungsAreOrderedByRankSkippedOnesKeepTheirReasonAndTheJdkIsAlwaysLast() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            assertThat(ladder.rungs()).extracting(Rung::name).containsExactly("missing", "device", "soft", "jdk");
            assertThat(rung(ladder, "missing").skipReason()).isEqualTo("absent here");
            assertThat(ladder.chosenFor(6).name()).isEqualTo("device");
        }
    }

    @Test
    void modesLeaveOutWhatTheyExclude() {
        try (BackendLadder sw = ladder(CodecConfig.builder().mode(Mode.SOFTWARE).build());
             BackendLadder jdk = ladder(CodecConfig.builder().mode(Mode.JDK).build())) {
            assertThat(rung(sw, "device").skipReason()).isEqualTo("mode software");
            assertThat(sw.chosenFor(6).name()).isEqualTo("soft");
            assertThat(jdk.chosenFor(6).name()).isEqualTo("jdk");
        }
        assertThatThrownBy(() -> ladder(CodecConfig.builder().backend("missing").build()))
                .isInstanceOf(KqatException.class).hasMessageContaining("absent here");
    }

    @Test
    void aDeviceFaultIsRedoneOnTheNextRungAndCountedOnTheFailingOne() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.then(Outcome.deviceFault());
            byte[] data = new byte[5000];
            assertThat(compress(ladder, data)).isPositive();
            StatsSnapshot d = rung(ladder, "device").snapshot();
            StatsSnapshot s = rung(ladder, "soft").snapshot();
            assertThat(d.getErrors()).isEqualTo(1);
            assertThat(d.getFallbacks()).isEqualTo(1);
            assertThat(d.getCompressBatches()).isZero();
            assertThat(s.getCompressBatches()).isEqualTo(1);
            assertThat(s.getCompressBytesIn()).isEqualTo(5000);
        }
    }

    @Test
    void aDeclinedRequestFallsBackWithoutPenalty() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            for (int i = 0; i < 10; i++) {
                device.then(Outcome.decline());
                compress(ladder, new byte[100]);
            }
            assertThat(rung(ladder, "device").snapshot().getErrors()).isZero();
            assertThat(rung(ladder, "device").snapshot().getFallbacks()).isEqualTo(10);
            assertThat(rung(ladder, "device").circuitOpen()).isFalse();
        }
    }

    @Test
    void fiveDeviceFaultsOpenTheBreakerOfThatDirectionOnly() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.then(5, Outcome.deviceFault());
            for (int i = 0; i < 8; i++) {
                compress(ladder, new byte[100]);
            }
            assertThat(device.calls()).as("requests the open breaker kept away").isEqualTo(5);
            assertThat(rung(ladder, "device").breaker(true).isOpen()).isTrue();
            assertThat(rung(ladder, "device").breaker(false).isOpen()).isFalse();
            assertThat(rung(ladder, "soft").snapshot().getCompressBatches()).isEqualTo(8);
        }
    }

    @Test
    void anythingElseARungThrowsIsItsFaultAndTheRequestStillSucceeds() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.then(Outcome.runtime());
            assertThat(compress(ladder, new byte[100])).isPositive();
            device.always(Outcome.oom());
            assertThat(compress(ladder, new byte[100])).isPositive();
            device.always(Outcome.link());
            assertThat(compress(ladder, new byte[100])).isPositive();
            assertThat(rung(ladder, "device").snapshot().getErrors()).isEqualTo(3);
            assertThat(rung(ladder, "soft").snapshot().getCompressBatches()).isEqualTo(3);
        }
    }

    @Test
    void corruptInputIsTheCallersErrorAndIsNotRetriedOrCounted() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.then(Outcome.corrupt());
            assertThatThrownBy(() -> compress(ladder, new byte[100])).isInstanceOf(CorruptGzipException.class);
            assertThat(soft.calls()).isZero();
            assertThat(rung(ladder, "device").snapshot().getErrors()).isZero();
        }
    }

    @Test
    void theLastRungsFailureReachesTheCaller() {
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), new ArrayList<>())) {
            assertThatThrownBy(() -> ladder.compress(6, 1, (b, c) -> {
                throw BackendException.fault("jdk failed");
            }, n -> 0)).hasMessage("jdk failed");
        }
    }
}
