package io.kqat.tools.doctor.container;

import java.nio.file.Path;

/**
 * What the checks need from kqat's settings and ladder.
 *
 * @param regionBytes  the zero-copy region's size ({@code qat.region.bytes})
 * @param vfioDir      where the VFIO nodes are ({@code qat.vfio.dir} as resolved)
 * @param sysfsRoot    where sysfs is ({@code qat.sysfs.root} as resolved)
 * @param qatInstances data compression instances of the ready QAT rung, or -1 when no QAT rung is ready
 * @param threads      threads that will compress or decompress at once
 * @param emulated     whether the nodes are kqat's QAT emulator's (it needs no VFIO container node)
 */
public record CheckContext(long regionBytes, Path vfioDir, Path sysfsRoot, long qatInstances, int threads,
                           boolean emulated) {
    static final long MIB = 1L << 20;
    static final long HUGE_PAGE = 2 * MIB;

    /** Whole 2 MiB pages of the region. */
    long regionPages() {
        return (regionBytes + HUGE_PAGE - 1) / HUGE_PAGE;
    }
}
