package io.kqat.emulator;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-side handle on kqat's QAT emulator (never on a real qatlib: these functions exist only in the emulator):
 * fault injection, the device's generation and capabilities, USDM's modes, and counters. Separate JVMs get the same
 * settings from {@code KQAT_EMU_*} environment variables (see the emulator's CONFORMANCE.md).
 */
public final class EmulatorControl {
    static final String LIBQAT = "libqat.so.4";
    /** The v3 variant's soname (qatlib 22.07 to 23.02). */
    static final String LIBQAT_V3 = "libqat.so.3";
    private final Controls controls;

    private EmulatorControl(Controls controls) {
        this.controls = controls;
    }

    /** Binds the emulator library in {@code directory} (the same one the codec loads with {@code qat.emulator}). */
    public static EmulatorControl open(Path directory) {
        return new EmulatorControl(Native.load(libqat(directory).toString(), Controls.class));
    }

    /** The variant's libqat: {@code libqat.so.4}, or {@code libqat.so.3} in the v3 variant. */
    static Path libqat(Path directory) {
        Path dir = directory.toAbsolutePath(); // JNA takes a relative name for a library name, not a path
        Path v4 = dir.resolve(LIBQAT);
        return Files.isRegularFile(v4) ? v4 : dir.resolve(LIBQAT_V3);
    }

    /** Requests number {@code from} (counted from start or the last reset) to {@code from + count - 1} fail. */
    public void failRequests(long from, long count) {
        controls.kqatemu_fail_requests(from, count);
    }

    /** Each request fails with this probability (0-100), decided from the seed and the request's number. */
    public void setFailPercent(int percent) {
        controls.kqatemu_set_fail_percent(percent);
    }

    /** The seed of {@link #setFailPercent} and of the LZ4s "no match" tokens ({@link #setLz4sNoMatchTokens}). */
    public void setSeed(long seed) {
        controls.kqatemu_set_seed(seed);
    }

    /** On: every request not yet executed, and every later one, is held. Off: held requests complete now (late). */
    public void setHang(boolean on) {
        controls.kqatemu_set_hang(on ? 1 : 0);
    }

    /** Requests numbered {@code from} on are held; negative: none. */
    public void setHangFrom(long from) {
        controls.kqatemu_set_hang_from(from);
    }

    /** {@code 4xxx} (the default), {@code 420xx} or {@code 6xxx}: the answers and bounds of that generation. */
    public void setGeneration(String name) {
        if (controls.kqatemu_set_generation(name) != 0) {
            throw new IllegalArgumentException("unknown QAT generation " + name);
        }
    }

    public String generation() {
        return controls.kqatemu_generation();
    }

    /**
     * deflate, stateless, dynamic, static, crc32, adler32, cnv, cnvnr, lz4s, zstd, xxhash32, xxhash64: what the
     * capability queries report and the sessions accept (a switch cannot give a generation what it lacks: zstd stays
     * off on a 4xxx).
     */
    public void setCapability(String name, boolean on) {
        if (controls.kqatemu_set_capability(name, on ? 1 : 0) != 0) {
            throw new IllegalArgumentException("unknown capability " + name);
        }
    }

    /** NUMA node of each instance, in turn ("0,1"): takes effect at the next start. */
    public void setNumaNodes(String nodes) {
        if (controls.kqatemu_set_numa_nodes(nodes) != 0) {
            throw new IllegalArgumentException("bad node list " + nodes);
        }
    }

    /**
     * How often the device's LZ4s output has "no match" tokens (literals carried to the next token): {@code never},
     * {@code sometimes} (the default) or {@code often}, from the next request on; which tokens is drawn from the seed
     * ({@link #setSeed}), so the same input gives the same stream.
     */
    public void setLz4sNoMatchTokens(String mode) {
        if (controls.kqatemu_set_lz4s_no_match(mode) != 0) {
            throw new IllegalArgumentException("takes never, sometimes or often, got '" + mode + "'");
        }
    }

    /** Completion delay of every request from now on. */
    public void setLatencyMicros(long micros) {
        controls.kqatemu_set_latency_us(micros);
    }

    public void setNoIommu(boolean on) {
        controls.kqatemu_set_no_iommu(on ? 1 : 0);
    }

    /** Back to what the device registration read from sysfs (or KQAT_EMU_NO_IOMMU). */
    public void clearNoIommu() {
        controls.kqatemu_set_no_iommu(-1);
    }

    /** USDM's 2 MiB huge-page mode on or off; null: back to QAT_MAX_2M_HPG_PER_PROCESS. */
    public void setHugepageMode(Boolean on) {
        controls.kqatemu_set_hugepage_mode(on == null ? -1 : on ? 1 : 0);
    }

    /** Whether qaeMemMapContiguousIova refuses memory not marked MADV_DONTFORK; null: KQAT_EMU_STRICT_DONTFORK. */
    public void setStrictDontfork(Boolean on) {
        controls.kqatemu_set_strict_dontfork(on == null ? -1 : on ? 1 : 0);
    }

    /** The node a qaeMemAllocNUMA block was asked for (-1 any), or -2 when the address is in no block. */
    public int nodeOf(long address) {
        return controls.kqatemu_node_of(new Pointer(address));
    }

    /** The sysfs root the emulated USDM reads (its variant's {@code sys/} unless KQAT_EMU_SYSFS_ROOT says otherwise). */
    public String sysfsRoot() {
        return controls.kqatemu_sysfs_root();
    }

    /** Instances, ring size and whether icp_sal_userStart fails, for the next start. */
    public void configure(int instances, int ringSize, boolean failStart) {
        controls.kqatemu_configure(instances, ringSize, failStart ? 1 : 0);
    }

    /**
     * Processes that may hold the device at once from the next start (qatmgr's sections): the next one's start fails
     * with "No section available". Negative: no limit (the default).
     */
    public void setMaxProcesses(int processes) {
        controls.kqatemu_set_max_processes(processes);
    }

    /** Instances per VF from the next start: a VF's instances share one eventfd in event mode (default 2). */
    public void setInstancesPerVf(int instances) {
        controls.kqatemu_set_instances_per_vf(instances);
    }

    /**
     * A counter (names in CONFORMANCE.md): requests, completed, bytes_in, bytes_out, iommu_faults, injected_faults,
     * request_errors, retries, sessions_outstanding, src_bytes_mapped, src_bytes_alloc, process_started,
     * max_in_flight, translation_failures, sgl_refusals, cnv_refusals, invalid_params, overflows, held_requests,
     * hung_requests, late_completions, decompress_trailing_bytes, device_ns, device_cpu_ns, device_requests,
     * device_pid, event_signals, host_access_errors, process_slot_refusals, lz4s_no_match_tokens, requests_instance_N,
     * completed_instance_N, and USDM's: mappings_outstanding, mapped_bytes, allocations_outstanding, map_refusals,
     * unmap_refusals, usdm_translations, alloc_refusals, mappings_without_dontfork, memlock_refusals, hugepage_mode,
     * alloc_calls_node_N, allocations_node_N. -1 for an unknown name.
     */
    public long counter(String name) {
        return controls.kqatemu_counter(name);
    }

    public void resetCounters() {
        controls.kqatemu_reset_counters();
    }

    interface Controls extends Library {
        void kqatemu_fail_requests(long from, long count);

        void kqatemu_set_fail_percent(int percent);

        void kqatemu_set_seed(long seed);

        void kqatemu_set_hang(int on);

        void kqatemu_set_hang_from(long from);

        int kqatemu_set_generation(String name);

        String kqatemu_generation();

        int kqatemu_set_capability(String name, int on);

        int kqatemu_set_numa_nodes(String list);

        int kqatemu_set_lz4s_no_match(String mode);

        void kqatemu_set_latency_us(long micros);

        void kqatemu_set_no_iommu(int on);

        void kqatemu_set_hugepage_mode(int mode);

        void kqatemu_set_strict_dontfork(int on);

        int kqatemu_node_of(Pointer p);

        String kqatemu_sysfs_root();

        void kqatemu_configure(int instances, int ring, int failStart);

        void kqatemu_set_max_processes(int processes);

        void kqatemu_set_instances_per_vf(int instances);

        long kqatemu_counter(String name);

        void kqatemu_reset_counters();
    }
}
