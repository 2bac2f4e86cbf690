package io.kqat.codec.backend.qat.runtime;

import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.memory.MemoryNodes;
import io.kqat.codec.backend.qat.memory.Region;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.memory.SharedRegion;
import io.kqat.codec.backend.qat.memory.UsdmLimits;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qatlib's user-space process as this copy of kqat sees it: joined once per library, shared by the zero-copy and
 * pinned-copy backends, left when the last one closes or at exit. The native runtime itself ({@code icp_sal_userStart},
 * the started instances) is process-wide across class loaders ({@link ProcessRuntime}): the first copy starts it, the
 * last one out stops it. Native calls and leaving exclude each other, so nothing reaches qatlib after this copy left.
 */
public final class QatProcess {
    private static final Logger LOG = LoggerFactory.getLogger(QatProcess.class);
    private static final Map<String, QatProcess> RUNNING = new HashMap<>();
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    final QatLibraries libs;
    final ProcessRuntime runtime;
    final DeviceHealth health;
    final RequestRunner requests;
    final Placement placement;
    final DeviceProfile profile;
    private final NativeStart started;
    private final String section;
    private final CompletionSettings completionSettings;
    private final HangProbe probe;
    private final NativeGate gate = new NativeGate();
    private int users;

    private QatProcess(QatLibraries libs, ProcessRuntime runtime, NativeStart started, String section,
                       CompletionSettings completionSettings) {
        this.libs = libs;
        this.completionSettings = completionSettings;
        this.runtime = runtime;
        this.started = started;
        this.section = section;
        this.probe = new HangProbe(this);
        this.health = new DeviceHealth(runtime.hungSince, this::deviceStoppedAnswering);
        this.requests = new RequestRunner(libs.hot(), health, runtime, started.instances.size());
        this.placement = new Placement(started.instances);
        UsdmLimits usdm = UsdmLimits.fromEnvironment();
        CompressBound bound = compressBound(DeviceProfile.MAX_FLATS * DeviceProfile.DEFAULT_FLAT_BYTES);
        bound.check();
        this.profile = new DeviceProfile(DeviceProfile.MAX_FLATS, DeviceProfile.DEFAULT_FLAT_BYTES, bound, usdm);
        started.completions.start(requests);
    }

    /** The probe finds out when it answers again; callers still waiting give up now instead of at their timeout. */
    private void deviceStoppedAnswering() {
        probe.start();
        requests.wakeWaiters();
    }

    /**
     * Starts (or joins) the process of these libraries.
     *
     * @throws StartException with the reason when the process, or every instance, cannot start
     */
    public static QatProcess acquire(QatLibraries libs, String section) {
        return acquire(libs, section, CompletionSettings.DEFAULT);
    }

    /**
     * Starts (or joins) the process of these libraries, waiting for completions as {@code completions} allows (the
     * copy that joins a running process keeps the mode it found).
     *
     * @throws StartException with the reason when the process, or every instance, cannot start
     */
    public static synchronized QatProcess acquire(QatLibraries libs, String section, CompletionSettings completions) {
        QatProcess running = RUNNING.get(libs.key());
        if (running == null) {
            ProcessRuntime runtime = ProcessRuntime.of(libs.key());
            NativeStart started = NativeStart.join(libs, runtime, section, completions);
            try {
                running = new QatProcess(libs, runtime, started, section, completions);
            } catch (RuntimeException e) {
                NativeStart.leave(libs, runtime, started);
                throw e;
            }
            RUNNING.put(libs.key(), running);
            QatProcess toStop = running;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "kqat-qat-stop"));
            LOG.info("kqat: QAT {} through {}: {}; {}", started.first ? "started" : "joined (started by another copy "
                    + "of kqat in this process)", libs.origin(), started.describe(), started.completions.describe());
        }
        if (!running.completionSettings.equals(completions)) {
            LOG.warn("kqat: QAT completions as configured here differ from those this process started with, which "
                    + "it keeps: {}", running.started.completions.describe());
        }
        if (!running.section.equals(section)) {
            LOG.warn("kqat: qat.section {} asked for, but this process started QAT with section {}, which it keeps",
                    section, running.section);
        }
        running.users++;
        return running;
    }

    /** Leaves the process; the last user of this copy leaves it for good. */
    public static synchronized void release(QatProcess process) {
        if (--process.users == 0) {
            RUNNING.remove(process.libs.key());
            process.stop();
        }
    }

    /** The bindings this process was started through. */
    public QatLibraries libs() {
        return libs;
    }

    /** What the device and the library allow, for every backend of this process. */
    public DeviceProfile profile() {
        return profile;
    }

    /** The device's worst-case compressed size over every instance, asked for inputs up to {@code maxInput}. */
    public CompressBound compressBound(int maxInput) {
        return CompressBound.of(libs.dc(), started.instances.stream().map(i -> i.handle).collect(Collectors.toList()),
                maxInput);
    }

    /** The NUMA nodes of the instances, where the memory they reach is placed. */
    public MemoryNodes memoryNodes() {
        return placement.memory();
    }

    /**
     * This copy's zero-copy staging over the process's one region ({@link SharedRegion}), mapped in mappings of up to
     * {@code mappingBytes}.
     *
     * @throws Region.RegionException when the region cannot be made
     */
    public RegionStaging shareRegion(long bytes, long mappingBytes) {
        return SharedRegion.open(libs.iova(), placement.memory(), bytes, mappingBytes, runtime.monitor,
                runtime.regionRecord(), this::deviceIdle);
    }

    List<Instance> instances() {
        return started.instances;
    }

    /** One more than the highest instance index (sessions are kept by index). */
    int instanceCount() {
        return started.handleCount;
    }

    /** The libraries, the instances, their capabilities, what was left out and whether the device answers. */
    public String describe() {
        return libs.origin() + ", section " + section + ", " + started.describe() + ", "
                + started.completions.describe() + ", device " + health;
    }

    /** How completions reach the callers: {@code completions event-driven: ...} or {@code ... polled (why)}. */
    public String completions() {
        return started.completions.describe();
    }

    /** How many instances, polls and sleeps, and the requests this copy sent to each instance. */
    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("instances", (long) started.instances.size());
        f.put("polls", requests.polls.sum());
        f.put("sleeps", requests.sleeps.sum());
        f.put("maxInFlight", (long) requests.maxInFlight.get());
        f.put("requestsBeyondInstances", requests.beyondInstances.sum());
        f.putAll(started.completions.figures());
        for (Instance i : started.instances) {
            f.put("requests." + i.info.name(), i.requests.sum());
        }
        return f;
    }

    RequestDescriptors newDescriptors(int node) {
        return new RequestDescriptors(libs.usdm(), started.metaSize, node);
    }

    /** How long clean-up waits for requests to drain: not at all while the device does not answer. */
    long drainNanos() {
        return health.answering() ? DRAIN_NANOS : 0;
    }

    /** True when no request given up on may still be written by the device (only then may memory be unmapped). */
    boolean deviceIdle() {
        return runtime.abandoned.get() == 0;
    }

    /** Enters a stretch of native calls; false once this copy has left (see {@link NativeGate#enter()}). */
    boolean enter() {
        return gate.enter();
    }

    void leave() {
        gate.leave();
    }

    /**
     * Waits for every request of every backend to finish and keeps new ones out, for a backend's clean-up. False when
     * the process stopped or requests did not finish in time: the caller then leaves native clean-up to process exit.
     */
    public boolean enterExclusive() {
        return gate.enterExclusive();
    }

    public void leaveExclusive() {
        gate.leaveExclusive();
    }

    /**
     * Drains this copy's requests and leaves; the last copy in the process stops the instances and qatlib. Runs once.
     * If requests are still running after the wait (the JVM is exiting under load), qatlib is left to the exit.
     */
    private void stop() {
        NativeGate.Closing closing = gate.close();
        if (closing == NativeGate.Closing.REQUESTS_STILL_RUNNING) {
            LOG.warn("kqat: QAT requests still running at stop; qatlib is released by the process exit");
        }
        if (closing != NativeGate.Closing.EXCLUSIVE) {
            return;
        }
        try {
            long deadline = System.nanoTime() + drainNanos();
            for (Instance i : started.instances) {
                while (!requests.idle() && System.nanoTime() - deadline < 0) {
                    requests.poll(i);
                    LockSupport.parkNanos(100_000);
                }
            }
            started.completions.stop(requests);
            probe.close();
            NativeStart.leave(libs, runtime, started);
            LOG.debug("kqat: QAT left ({})", libs.origin());
        } finally {
            gate.leaveExclusive();
        }
    }
}
