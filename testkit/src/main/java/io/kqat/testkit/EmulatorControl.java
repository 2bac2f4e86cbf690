package io.kqat.testkit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;

/**
 * Test-side handle on kqat's QAT emulator (never on a real qatlib: these functions exist only in the emulator):
 * fault injection and counters. Separate JVMs get the same faults from {@code KQAT_EMU_*} environment variables.
 */
public final class EmulatorControl {
    static final String LIBQAT = "libqat.so.4";
    private final Controls controls;

    private EmulatorControl(Controls controls) {
        this.controls = controls;
    }

    /** Binds the emulator library in {@code directory} (the same one the codec loads with {@code qat.emulator}). */
    public static EmulatorControl open(Path directory) {
        return new EmulatorControl(Native.load(directory.resolve(LIBQAT).toString(), Controls.class));
    }

    /** Requests number {@code from} (counted from start or the last reset) to {@code from + count - 1} fail. */
    public void failRequests(long from, long count) {
        controls.kqatemu_fail_requests(from, count);
    }

    /** Completion delay of every request from now on. */
    public void setLatencyMicros(long micros) {
        controls.kqatemu_set_latency_us(micros);
    }

    public void setNoIommu(boolean on) {
        controls.kqatemu_set_no_iommu(on ? 1 : 0);
    }

    /** Instances, ring size and whether icp_sal_userStart fails, for the next start. */
    public void configure(int instances, int ringSize, boolean failStart) {
        controls.kqatemu_configure(instances, ringSize, failStart ? 1 : 0);
    }

    /**
     * A counter: requests, completed, bytes_in, bytes_out, iommu_faults, injected_faults, request_errors, retries,
     * sessions_outstanding, src_bytes_mapped, src_bytes_alloc, process_started, max_in_flight, mappings_outstanding, mapped_bytes,
     * allocations_outstanding, map_refusals, unmap_refusals, usdm_translations. -1 for an unknown name.
     */
    public long counter(String name) {
        return controls.kqatemu_counter(name);
    }

    public void resetCounters() {
        controls.kqatemu_reset_counters();
    }

    interface Controls extends Library {
        void kqatemu_fail_requests(long from, long count);

        void kqatemu_set_latency_us(long micros);

        void kqatemu_set_no_iommu(int on);

        void kqatemu_configure(int instances, int ring, int failStart);

        long kqatemu_counter(String name);

        void kqatemu_reset_counters();
    }
}
