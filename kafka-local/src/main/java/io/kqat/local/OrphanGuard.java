package io.kqat.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs another program's {@code main} ({@code OrphanGuard LAUNCHER-PID MAIN-CLASS ARGS...}) in a JVM that halts as
 * soon as the JVM that launched it ends, however that ends: a launcher killed with SIGKILL runs no shutdown hook
 * ({@link ChildJvm}'s reaper included), and its brokers would otherwise keep running and keep their ports. The
 * launcher is named by its pid, not found as this process's parent: a launcher that dies while this JVM starts leaves
 * it a child of init, which never ends.
 */
public final class OrphanGuard {
    /** The exit status of a child whose launcher went away (128 + SIGHUP, as a shell's children get). */
    static final int ORPHANED = 129;

    private OrphanGuard() {
    }

    /** The arguments that run {@code mainClass args} under the guard, watching this JVM (the guard is the main class). */
    public static List<String> arguments(String mainClass, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(Long.toString(ProcessHandle.current().pid()));
        all.add(mainClass);
        all.addAll(args);
        return all;
    }

    public static void main(String[] argv) throws Throwable {
        if (argv.length < 2) {
            throw new IllegalArgumentException("usage: OrphanGuard LAUNCHER-PID MAIN-CLASS [ARGS...]");
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(argv[0]));
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            Runtime.getRuntime().halt(ORPHANED); // gone before this JVM got here
        }
        launcher.get().onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED));
        Method main = Class.forName(argv[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(argv, 2, argv.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
