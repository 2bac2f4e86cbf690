package io.kqat.local.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * CPU time of the QAT emulator's device: the process {@code kqat-emu-device} that qatlib's start spawns as a child of
 * the application's JVM, which does the deflate work a real device does on its own silicon. Read from Linux
 * ({@code /proc/<pid>/task/<tid>/schedstat}, nanoseconds) while it runs: once stopped, its time goes to its parent's
 * children time, never to the parent's own threads. 0 where there is none (software, a real device).
 */
public final class DeviceCpu {
    private static final String EXECUTABLE = "kqat-emu-device";

    private DeviceCpu() {
    }

    /** The device CPU nanoseconds of the emulator processes {@code pid} started. */
    public static long ofChildrenOf(long pid) {
        return ProcessHandle.of(pid).map(p -> p.children()
                .filter(c -> c.info().command().map(cmd -> cmd.endsWith(EXECUTABLE)).orElse(false))
                .mapToLong(c -> nanos(c.pid())).sum()).orElse(0L);
    }

    /** This JVM's emulated device CPU so far. */
    public static long ofThisJvm() {
        return ofChildrenOf(ProcessHandle.current().pid());
    }

    /** Every thread's time on a CPU, in nanoseconds, of process {@code pid}. */
    static long nanos(long pid) {
        Path tasks = Paths.get("/proc", Long.toString(pid), "task");
        long sum = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                sum += firstNumber(task.resolve("schedstat"));
            }
        } catch (IOException | RuntimeException e) {
            return sum; // the process ended meanwhile
        }
        return sum;
    }

    private static long firstNumber(Path file) {
        try {
            String text = Files.readString(file).trim();
            int space = text.indexOf(' ');
            return Long.parseLong(space < 0 ? text : text.substring(0, space));
        } catch (IOException | RuntimeException e) {
            return 0; // a thread that ended meanwhile
        }
    }
}
