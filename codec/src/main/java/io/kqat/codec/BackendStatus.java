package io.kqat.codec;

import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.ladder.Rung;
import io.kqat.codec.ladder.StatsSnapshot;
import io.kqat.codec.spi.BackendDetail;
import java.util.ArrayList;
import java.util.List;

/** One rung of a codec's ladder as tools and metrics see it, at the moment it was asked for. */
public final class BackendStatus {
    private final Rung rung;
    private final BackendDetail detail;
    private final StatsSnapshot stats;

    BackendStatus(Rung rung) {
        this.rung = rung;
        this.detail = rung.ready() ? rung.backend().detail() : null;
        this.stats = rung.snapshot();
    }

    static List<BackendStatus> all(BackendLadder ladder) {
        List<BackendStatus> statuses = new ArrayList<>();
        for (Rung r : ladder.rungs()) {
            statuses.add(new BackendStatus(r));
        }
        return statuses;
    }

    static BackendStatus named(BackendLadder ladder, String name) {
        for (Rung r : ladder.rungs()) {
            if (r.name().equals(name)) {
                return new BackendStatus(r);
            }
        }
        return null;
    }

    public String name() {
        return rung.name();
    }

    /** Position on the ladder, lower is preferred. */
    public int rank() {
        return rung.rank();
    }

    /** True for hardware rungs. */
    public boolean device() {
        return rung.device();
    }

    public boolean ready() {
        return rung.ready();
    }

    /** Why the rung was skipped, or null when ready. */
    public String skipReason() {
        return rung.skipReason();
    }

    public boolean compresses(int level) {
        return rung.serves(true, level);
    }

    public boolean inflates() {
        return rung.serves(false, 0);
    }

    /** Mode and figures of a ready backend ({@link BackendDetail#SOFTWARE} for software), null when skipped. */
    public BackendDetail detail() {
        return detail;
    }

    public String mode() {
        return detail == null ? "" : detail.mode();
    }

    public StatsSnapshot stats() {
        return stats;
    }

    public boolean circuitOpen() {
        return rung.circuitOpen();
    }

    /** What the rung takes on, e.g. {@code levels 1-2, no inflate}. */
    public String serves() {
        StringBuilder levels = new StringBuilder();
        int start = -1;
        for (int l = CodecConfig.MIN_LEVEL; l <= CodecConfig.MAX_LEVEL + 1; l++) {
            boolean yes = l <= CodecConfig.MAX_LEVEL && compresses(l);
            if (yes && start < 0) {
                start = l;
            } else if (!yes && start > 0) {
                levels.append(levels.length() == 0 ? "" : ",").append(start == l - 1 ? "" + start : start + "-" + (l - 1));
                start = -1;
            }
        }
        return "levels " + (levels.length() == 0 ? "none" : levels) + (inflates() ? ", inflate" : ", no inflate");
    }

    /** {@code name: ready (detail)} or {@code name: skipped: reason}. */
    @Override
    public String toString() {
        if (!ready()) {
            return name() + ": skipped: " + skipReason();
        }
        String d = detail.summary();
        return name() + ": ready" + (d.isEmpty() ? "" : " (" + detail + ")");
    }
}
