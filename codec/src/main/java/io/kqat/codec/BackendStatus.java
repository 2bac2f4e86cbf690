package io.kqat.codec;


/** One rung of a codec's ladder as tools and metrics see it, at the moment it was asked for. */
public final class BackendStatus {
    private final String name;
    private final int rank;
    private final boolean device;
    private final String skipReason;
    private final BackendDetail detail;
    private final StatsSnapshot stats;
    private final boolean circuitOpen;
    private final int compressLevels;
    private final boolean inflates;

    /**
     * @param detail         the ready backend's detail, or null when skipped (then {@code skipReason} says why)
     * @param compressLevels bit {@code 1 << level} set for each level whose route this rung is on
     * @param inflates       whether this rung is on the decompression route
     */
    public BackendStatus(String name, int rank, boolean device, String skipReason, BackendDetail detail,
                         StatsSnapshot stats, boolean circuitOpen, int compressLevels, boolean inflates) {
        this.name = name;
        this.rank = rank;
        this.device = device;
        this.skipReason = skipReason;
        this.detail = detail;
        this.stats = stats;
        this.circuitOpen = circuitOpen;
        this.compressLevels = compressLevels;
        this.inflates = inflates;
    }

    public String name() {
        return name;
    }

    /** Position on the ladder, lower is preferred. */
    public int rank() {
        return rank;
    }

    /** True for hardware rungs. */
    public boolean device() {
        return device;
    }

    public boolean ready() {
        return detail != null;
    }

    /** Why the rung was skipped, or null when ready. */
    public String skipReason() {
        return skipReason;
    }

    /** Whether compression at this level goes to this rung (first, or after the rungs before it). */
    public boolean compresses(int level) {
        return (compressLevels & (1 << level)) != 0;
    }

    /** Whether decompression goes to this rung (first, or after the rungs before it). */
    public boolean inflates() {
        return inflates;
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
        return circuitOpen;
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
