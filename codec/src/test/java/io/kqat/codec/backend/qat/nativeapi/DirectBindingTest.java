package io.kqat.codec.backend.qat.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.Emulators;
import org.junit.jupiter.api.Test;

/**
 * The hot calls bind by JNA direct mapping, not the slower interface fallback: {@link DirectCallsName} names the class
 * as it really is, so the binder finds its class file and defines a copy of it in a loader of its own.
 */
class DirectBindingTest {

    @Test
    void theHotCallsAreACopyOfDirectCallsInALoaderOfItsOwn() {
        assertThat(DirectCallsName.NAME).isEqualTo(DirectCalls.class.getName());
        HotCalls hot = QatLibraries.load(Emulators.dir("iova")).hot();
        assertThat(hot.getClass().getName()).isEqualTo(DirectCallsName.NAME);
        assertThat(hot.getClass().getClassLoader()).isNotSameAs(QatLibraries.class.getClassLoader());
    }
}
