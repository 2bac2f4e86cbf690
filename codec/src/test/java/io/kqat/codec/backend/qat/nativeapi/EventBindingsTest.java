package io.kqat.codec.backend.qat.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.Emulators;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: event mode is probed by {@code cpaInstanceSetResponseMode} (qatlib 26.02+), not by the file-descriptor
 * calls every release exports; the coalescing timer by its own functions (26.08+). Each emulator variant exports what
 * its release has (CONFORMANCE rule 16).
 */
class EventBindingsTest {
    @Test
    void qatlib2608HasEventModeAndTheCoalescingTimer() {
        QatLibraries libs = QatLibraries.load(Emulators.dir("iova"));
        assertThat(libs.events()).isNotNull();
        assertThat(libs.coalescing()).isNotNull();
    }

    @Test
    void qatlib2602HasEventModeWithoutTheTimer() {
        QatLibraries libs = QatLibraries.load(Emulators.dir("iova-26.02"));
        assertThat(libs.events()).isNotNull();
        assertThat(libs.coalescing()).isNull();
    }

    @Test
    void earlierReleasesHaveNeitherThoughTheyExportTheFdCalls() {
        for (String variant : new String[] {"legacy", "v3"}) {
            QatLibraries libs = QatLibraries.load(Emulators.dir(variant));
            assertThat(libs.events()).as(variant).isNull();
            assertThat(libs.coalescing()).as(variant).isNull();
        }
    }
}
