package io.kqat.codec.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripts do what they say, in order, and count what happened. */
class ScriptTest {

    private static List<String> run(Script script, int calls) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                script.next();
                seen.add("ok");
            } catch (BackendException e) {
                seen.add(e.deviceFault() ? "fault" : "decline");
            } catch (CorruptGzipException e) {
                seen.add("corrupt");
            } catch (RuntimeException | Error e) {
                seen.add(e.getClass().getSimpleName());
            }
        }
        return seen;
    }

    @Test
    void queuedOutcomesComeFirstThenTheStandingRuleOnEveryNthCall() {
        Script s = new Script().then(2, Outcome.deviceFault()).then(Outcome.decline()).every(3, Outcome.oom());
        assertThat(run(s, 7)).containsExactly("fault", "fault", "decline", "ok", "ok", "OutOfMemoryError", "ok");
        assertThat(s.calls()).isEqualTo(7);
        assertThat(s.thrown()).isEqualTo(4);
        assertThat(s.thrownKinds()).isEqualTo("decline+fault+oom");
    }

    @Test
    void theTextFormQueuesAndSetsTheStandingRule() {
        assertThat(run(new Script().parse("corrupt, runtime*2, error/2"), 6))
                .containsExactly("corrupt", "IllegalStateException", "IllegalStateException", "Error", "ok", "Error");
        assertThat(run(new Script().parse("link/1"), 2))
                .containsExactly("UnsatisfiedLinkError", "UnsatisfiedLinkError");
        assertThat(run(new Script().parse(""), 2)).containsExactly("ok", "ok");
        assertThat(new Script().thrownKinds()).isEqualTo("nothing");
        assertThatThrownBy(() -> new Script().parse("explode")).hasMessageContaining("unknown outcome 'explode'");
    }

    @Test
    void aScriptedBackendDoesTheJdksWorkWhenTheScriptSaysSucceed() {
        ScriptedBackend b = new ScriptedBackend("b");
        b.deflates().then(Outcome.throwing("custom", () -> new IllegalArgumentException("custom")));
        ByteBuffer out = ByteBuffer.allocate(1024);
        assertThatThrownBy(() -> b.deflate(ByteBuffer.wrap(new byte[100]), out, 6)).hasMessage("custom");
        assertThat(b.deflate(ByteBuffer.wrap(new byte[100]), out, 6).produced()).isPositive();
        ByteBuffer back = ByteBuffer.allocate(100);
        assertThat(b.inflate(out.flip(), back).produced()).isEqualTo(100);
        assertThat(b.deflates().calls()).isEqualTo(2);
        assertThat(b.inflates().calls()).isEqualTo(1);
    }

    @Test
    void withoutArgumentsTheProviderIsConfiguredBySystemProperties() {
        System.setProperty(ScriptedProvider.NAME_PROPERTY, "throwing");
        System.setProperty(ScriptedProvider.DEFLATE_PROPERTY, "runtime/2");
        try {
            ScriptedProvider p = new ScriptedProvider();
            assertThat(p.name()).isEqualTo("throwing");
            assertThat(p.rank()).isEqualTo(5);
            assertThat(run(p.backend().deflates(), 4)).containsExactly("ok", "IllegalStateException", "ok",
                    "IllegalStateException");
            assertThat(run(p.backend().inflates(), 1)).containsExactly("ok");
        } finally {
            System.clearProperty(ScriptedProvider.NAME_PROPERTY);
            System.clearProperty(ScriptedProvider.DEFLATE_PROPERTY);
        }
    }
}
