package io.kqat.tools.doctor.container;

import java.io.PrintStream;
import java.util.List;

/** The checks as {@code kqat doctor} prints them: one line each, and for a problem what it costs and the fixes. */
public final class CheckPrinter {
    private CheckPrinter() {
    }

    public static void print(List<CheckResult> checks, PrintStream out) {
        out.println("  container and host checks:");
        for (CheckResult c : checks) {
            out.printf("    %-5s %-11s %s%n", c.status().id(), c.id(), c.found());
            if (c.problem() != null) {
                out.printf("          %s%n", c.problem());
            }
            if (c.fix() != null) {
                out.printf("          fix on Kubernetes: %s%n", c.fix().kubernetes());
                out.printf("          fix on bare metal: %s%n", c.fix().bareMetal());
            }
        }
    }
}
