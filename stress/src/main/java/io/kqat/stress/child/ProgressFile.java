package io.kqat.stress.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A producer's progress for whoever drives it ({@code sent acked failed}, one line, replaced atomically every
 * {@value #PERIOD_MILLIS} ms while it sends): how the cluster run times its events to the stream.
 */
public final class ProgressFile implements AutoCloseable {
    static final long PERIOD_MILLIS = 200;
    private final Path file;
    private final SendLog log;
    private final Thread writer;
    private volatile boolean closed;

    private ProgressFile(Path file, SendLog log) {
        this.file = file;
        this.log = log;
        this.writer = new Thread(this::run, "kqat-progress");
        writer.setDaemon(true);
    }

    /** Starts writing {@code log}'s counts to {@code file}; null: does nothing. */
    static ProgressFile start(Path file, SendLog log) {
        ProgressFile p = new ProgressFile(file, log);
        if (file != null) {
            p.writer.start();
        }
        return p;
    }

    /** {@code {sent, acked, failed}}, or zeros before the first write. */
    public static long[] read(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split(" ");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        } catch (NoSuchFileException notYet) {
            return new long[3];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        while (!closed) {
            write();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, log.sent() + " " + log.acked() + " " + log.failed() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and writes the final counts. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        if (file != null) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write();
        }
    }
}
