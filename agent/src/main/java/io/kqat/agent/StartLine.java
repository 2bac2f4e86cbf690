package io.kqat.agent;

import io.kqat.codec.BackendStatus;
import java.util.List;

/**
 * What the start line says about QAT, so a fallback to software is never silent: which QAT rung serves and how
 * completions reach the callers, or why no QAT rung is ready (qatlib absent, no VF left for this process, the
 * locked-memory limit, ...).
 */
final class StartLine {
    private StartLine() {
    }

    static String qat(List<BackendStatus> rungs) {
        BackendStatus best = null;
        StringBuilder skipped = new StringBuilder();
        for (BackendStatus r : rungs) {
            if (!r.device()) {
                continue;
            }
            if (r.ready() && best == null) {
                best = r;
            } else if (!r.ready()) {
                skipped.append(skipped.length() == 0 ? "" : "; ").append(r.name()).append(": ").append(r.skipReason());
            }
        }
        if (best == null) {
            return "QAT not used (" + (skipped.length() == 0 ? "no QAT rung on the ladder" : skipped) + ")";
        }
        String summary = best.detail().summary();
        int at = summary.indexOf("completions ");
        String completions = at < 0 ? "" : summary.substring(at, Math.max(summary.indexOf(", device ", at), at));
        return "QAT serves through " + best.name() + " (" + best.mode() + ", "
                + best.detail().figure("instances") + " instance(s)" + (completions.isEmpty() ? "" : ", " + completions)
                + ")";
    }
}
