package io.kqat.tools.bench;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while the bench runs, cleared at the end; nothing at all when stderr is not a terminal (a
 * log file, a pipe, a test). The {@code ./kqat} launcher tells the JVM whether it is, through {@link #TERMINAL_PROPERTY}
 * (Java itself only knows whether stdin and stdout are).
 */
public final class Progress implements AutoCloseable {
    public static final String TERMINAL_PROPERTY = "kqat.stderr.terminal";

    private ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar of {@code steps} steps on {@code err} when it is the process's stderr and a terminal; quiet otherwise. */
    public static Progress start(PrintStream err, String task, long steps) {
        if (err != System.err || !Boolean.getBoolean(TERMINAL_PROPERTY)) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(200).hideEta().clearDisplayOnFinish().build());
    }

    /** Names what runs now. */
    public void doing(String what) {
        if (bar != null) {
            bar.setExtraMessage(what);
        }
    }

    /** One step done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** Clears the bar; later steps and closes do nothing. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
