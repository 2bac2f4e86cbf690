package io.kqat.stress.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's windows in order: steady stretches and the events between them. The first window opens when the stream
 * starts; each event closes the steady window before it and opens the one after it.
 */
final class Timeline {
    private final List<Window> windows = new ArrayList<>();
    private String steadyName;
    private long steadyStart;

    /** The stream starts now, on {@code what} ("stock brokers", say). */
    Timeline(String what) {
        steadyName = "steady: " + what;
        steadyStart = System.currentTimeMillis();
    }

    /** Runs {@code event}, closing the steady window before it; the next steady window is on {@code after}. */
    void event(String name, Runnable event, String after) {
        long start = System.currentTimeMillis();
        windows.add(new Window(steadyName, false, steadyStart, start));
        event.run();
        long end = System.currentTimeMillis();
        windows.add(new Window(name, true, start, end));
        steadyName = "steady: " + after;
        steadyStart = end;
    }

    /** The stream stopped now: closes the last steady window and returns every window. */
    List<Window> close() {
        windows.add(new Window(steadyName, false, steadyStart, System.currentTimeMillis()));
        return List.copyOf(windows);
    }
}
