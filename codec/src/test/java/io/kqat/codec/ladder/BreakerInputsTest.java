package io.kqat.codec.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.Script;
import io.kqat.codec.scripted.ScriptedProvider;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6: a rung's breaker opens on the rung's own failures only. The JVM running short of memory
 * ({@code OutOfMemoryError}, thrown wherever the allocation happened to be) is no sign that the rung is broken: the
 * request moves on, but the rung stays in service.
 */
class BreakerInputsTest {
    private final ScriptedProvider deviceRung = new ScriptedProvider("device", 10).device(true);
    private final ScriptedProvider softRung = new ScriptedProvider("soft", 30);
    private final Script device = deviceRung.backend().deflates();

    private static void compress(BackendLadder ladder) {
        ByteBuffer dst = ByteBuffer.allocate(2048);
        ladder.compress(6, 100, (b, copies) -> b.deflate(ByteBuffer.wrap(new byte[100]), dst.duplicate(), 6).produced(),
                n -> n);
    }

    private static Rung rung(BackendLadder ladder, String name) {
        return ladder.rungs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void outOfMemoryErrorsDoNotOpenTheRungsBreaker() {
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), List.of(deviceRung, softRung))) {
            device.then(8, Outcome.oom());
            for (int i = 0; i < 8; i++) {
                compress(ladder);
            }
            System.out.println("requests that reached the rung while it threw OutOfMemoryError: " + device.calls()
                    + " of 8; breaker open: " + rung(ladder, "device").breaker(true).isOpen());
            assertThat(device.calls()).as("requests the rung was given").isEqualTo(8);
            assertThat(rung(ladder, "device").breaker(true).isOpen()).isFalse();
            compress(ladder);
            assertThat(rung(ladder, "device").snapshot().getCompressBatches()).as("served once memory is back")
                    .isEqualTo(1);
        }
    }

    @Test
    void theRungsOwnFailuresStillOpenIt() {
        try (BackendLadder ladder = LadderBuilder.build(CodecConfig.defaults(), List.of(deviceRung, softRung))) {
            device.then(3, Outcome.runtime()).then(2, Outcome.link());
            for (int i = 0; i < 8; i++) {
                compress(ladder);
            }
            assertThat(device.calls()).isEqualTo(5);
            assertThat(rung(ladder, "device").breaker(true).isOpen()).isTrue();
        }
    }
}
