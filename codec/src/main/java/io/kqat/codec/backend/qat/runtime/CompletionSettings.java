package io.kqat.codec.backend.qat.runtime;

import java.util.Objects;

/**
 * How completions may be waited for, as the settings say: event-driven where qatlib has it ({@code qat.completion}
 * {@code auto}) or always polled ({@code poll}), and the interrupt coalescing timer to set on qatlib 26.08+
 * ({@code qat.coalescing.ns}; null leaves the library's own, 10 us in event mode).
 */
public final class CompletionSettings {
    /** Event mode where the library has it, the library's coalescing timer. */
    public static final CompletionSettings DEFAULT = new CompletionSettings(true, null);

    private final boolean eventsAllowed;
    private final Long coalescingNanos;

    public CompletionSettings(boolean eventsAllowed, Long coalescingNanos) {
        this.eventsAllowed = eventsAllowed;
        this.coalescingNanos = coalescingNanos;
    }

    boolean eventsAllowed() {
        return eventsAllowed;
    }

    /** The timer to set, or null to keep the library's. */
    Long coalescingNanos() {
        return coalescingNanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletionSettings && ((CompletionSettings) o).eventsAllowed == eventsAllowed
                && Objects.equals(((CompletionSettings) o).coalescingNanos, coalescingNanos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventsAllowed, coalescingNanos);
    }
}
