package io.kqat.codec.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.KqatException;
import io.kqat.codec.Mode;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The ladder on scripted backends: order, exclusions, what falls back, what is counted, and where. */
class BackendLadderTest {

    /** A backend that deflates with the JDK unless its script says to throw first. */
    static final class Scripted implements Backend {
        final String name;
        final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
        final List<Throwable> errors = new ArrayList<>();
        int calls;
        Error error;
        private final JdkBackend jdk = new JdkBackend();

        Scripted(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public StagingMemory staging() {
            return StagingMemory.ANY;
        }

        @Override
        public int deflateBound(int n) {
            return jdk.deflateBound(n);
        }

        @Override
        public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
            calls++;
            if (error != null) {
                throw error;
            }
            Supplier<RuntimeException> next = script.poll();
            if (next != null) {
                throw next.get();
            }
            return jdk.deflate(src, dst, level);
        }

        @Override
        public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
            return jdk.inflate(src, dst);
        }
    }

    static BackendProvider provider(String name, int rank, boolean device, Backend backend) {
        return new BackendProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int rank() {
                return rank;
            }

            @Override
            public boolean device() {
                return device;
            }

            @Override
            public Probe probe(CodecConfig config) {
                return backend == null ? Probe.skipped(name, "absent here") : Probe.ready(backend);
            }
        };
    }

    private final Scripted device = new Scripted("device");
    private final Scripted soft = new Scripted("soft");

    private BackendLadder ladder(CodecConfig config) {
        // Given out of rank order on purpose: the ladder sorts.
        return LadderBuilder.build(config, Arrays.asList(provider("soft", 30, false, soft),
                provider("missing", 5, true, null), provider("device", 10, true, device)));
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
            device.script.add(() -> new BackendException("device error"));
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
                device.script.add(() -> BackendException.declined("region full"));
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
            for (int i = 0; i < 5; i++) {
                device.script.add(() -> new BackendException("device error"));
            }
            for (int i = 0; i < 8; i++) {
                compress(ladder, new byte[100]);
            }
            assertThat(device.calls).as("requests the open breaker kept away").isEqualTo(5);
            assertThat(rung(ladder, "device").breaker(true).isOpen()).isTrue();
            assertThat(rung(ladder, "device").breaker(false).isOpen()).isFalse();
            assertThat(rung(ladder, "soft").snapshot().getCompressBatches()).isEqualTo(8);
        }
    }

    @Test
    void anythingElseARungThrowsIsItsFaultAndTheRequestStillSucceeds() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.script.add(() -> new IllegalStateException("a bug in a rung"));
            assertThat(compress(ladder, new byte[100])).isPositive();
            device.error = new OutOfMemoryError("Direct buffer memory");
            assertThat(compress(ladder, new byte[100])).isPositive();
            device.error = new UnsatisfiedLinkError("symbol vanished");
            assertThat(compress(ladder, new byte[100])).isPositive();
            assertThat(rung(ladder, "device").snapshot().getErrors()).isEqualTo(3);
            assertThat(rung(ladder, "soft").snapshot().getCompressBatches()).isEqualTo(3);
        }
    }

    @Test
    void corruptInputIsTheCallersErrorAndIsNotRetriedOrCounted() {
        try (BackendLadder ladder = ladder(CodecConfig.defaults())) {
            device.script.add(() -> new CorruptGzipException("bad data"));
            assertThatThrownBy(() -> compress(ladder, new byte[100])).isInstanceOf(CorruptGzipException.class);
            assertThat(soft.calls).isZero();
            assertThat(rung(ladder, "device").snapshot().getErrors()).isZero();
        }
    }

    @Test
    void theLastRungsFailureReachesTheCaller() {
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), new ArrayList<>())) {
            assertThatThrownBy(() -> ladder.compress(6, 1, (b, c) -> {
                throw new BackendException("jdk failed");
            }, n -> 0)).hasMessage("jdk failed");
        }
    }
}
