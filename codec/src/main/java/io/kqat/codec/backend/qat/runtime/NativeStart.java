package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.ShortByReference;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.device.DeviceQuery;
import io.kqat.codec.backend.qat.device.InstanceInfo;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starting and stopping qatlib for the whole process, whichever copy of kqat comes first: the first one calls
 * {@code icp_sal_userStart} and starts every instance (with USDM's {@code qaeVirtToPhysNUMA} as its address
 * translation); later ones only look the instances up; the last one to leave stops them and qatlib. Every copy asks
 * each instance for its capabilities and place, and uses only those that have what kqat needs.
 */
final class NativeStart {
    final boolean first;
    final List<Instance> instances;
    final int handleCount;
    final int metaSize;
    /** Signalled or polled, decided once here: switching modes needs nothing in flight. */
    final Completions completions;
    private final List<Pointer> handles;
    private final List<String> excluded;

    private NativeStart(boolean first, List<Instance> instances, List<Pointer> handles, int metaSize,
                        List<String> excluded, Completions completions) {
        this.first = first;
        this.instances = Collections.unmodifiableList(instances);
        this.handles = handles;
        this.handleCount = handles.size();
        this.metaSize = metaSize;
        this.excluded = excluded;
        this.completions = completions;
    }

    /** @throws StartException with the reason; nothing is left started then */
    static NativeStart join(QatLibraries libs, ProcessRuntime runtime, String section, CompletionSettings settings) {
        QatLibraries.Dc dc = libs.dc();
        synchronized (runtime.monitor) {
            boolean first = runtime.users[0] == 0;
            if (first) {
                // A fresh start: whatever an earlier runtime gave up on was dropped with it.
                runtime.hungSince.set(DeviceHealth.COMPRESS, 0);
                runtime.hungSince.set(DeviceHealth.DECOMPRESS, 0);
                runtime.abandoned.set(0);
                int status = dc.icp_sal_userStart(section);
                if (status != CpaStatus.SUCCESS) {
                    throw new StartException("icp_sal_userStart(\"" + section + "\") failed ("
                            + CpaStatus.name(status) + "): no section (VF) left for this process (qatmgr gives each "
                            + "process its own; other processes may hold them all), or the qat service is not "
                            + "configured or the device not bound to vfio-pci");
                }
            }
            List<Pointer> handles = new ArrayList<>();
            try {
                NativeStart s = instances(libs, runtime, first, handles, settings);
                runtime.users[0]++;
                return s;
            } catch (RuntimeException e) {
                if (first) {
                    stopAll(dc, handles);
                }
                throw e;
            }
        }
    }

    private static NativeStart instances(QatLibraries libs, ProcessRuntime runtime, boolean first, List<Pointer> handles,
                                         CompletionSettings settings) {
        QatLibraries.Dc dc = libs.dc();
        ShortByReference count = new ShortByReference();
        int status = dc.cpaDcGetNumInstances(count);
        if (status != CpaStatus.SUCCESS || count.getValue() <= 0) {
            throw new StartException("no QAT data compression instances (cpaDcGetNumInstances: "
                    + CpaStatus.name(status) + ", " + count.getValue() + "); enable the dc service");
        }
        Pointer[] found = new Pointer[count.getValue()];
        status = dc.cpaDcGetInstances(count.getValue(), found);
        if (status != CpaStatus.SUCCESS) {
            throw new StartException("cpaDcGetInstances failed (" + CpaStatus.name(status) + ")");
        }
        List<Instance> usable = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        IntByReference meta = new IntByReference();
        int metaSize = 0; // the largest any instance asks for, so one descriptor block suits every instance
        for (int index = 0; index < found.length; index++) {
            Pointer h = found[index];
            if (first) {
                status = dc.cpaDcSetAddressTranslation(h, libs.virtToPhys());
                if (status == CpaStatus.SUCCESS) {
                    status = dc.cpaDcStartInstance(h, (short) 0, null);
                }
                if (status != CpaStatus.SUCCESS) {
                    throw new StartException("starting QAT instance " + index + " failed ("
                            + CpaStatus.name(status) + ")");
                }
            }
            handles.add(h);
            status = dc.cpaDcBufferListGetMetaSize(h, DeviceProfile.MAX_FLATS, meta);
            if (status != CpaStatus.SUCCESS) {
                throw new StartException("cpaDcBufferListGetMetaSize failed (" + CpaStatus.name(status) + ")");
            }
            InstanceInfo info = DeviceQuery.describe(dc, h, index);
            if (!info.missing().isEmpty()) {
                excluded.add(info.name() + " lacks " + String.join(", ", info.missing()) + " (cpaDcQueryCapabilities)");
                continue;
            }
            metaSize = Math.max(metaSize, meta.getValue());
            usable.add(new Instance(index, h, info, runtime.pollLock(Pointer.nativeValue(h)),
                    runtime.outstanding(Pointer.nativeValue(h))));
        }
        if (usable.isEmpty()) {
            throw new StartException("no usable QAT instance: " + String.join("; ", excluded));
        }
        Completions completions = ResponseModes.start(libs, usable, first, settings);
        return new NativeStart(first, usable, handles, metaSize, excluded, completions);
    }

    /** Leaves; the last copy stops every instance and qatlib. */
    static void leave(QatLibraries libs, ProcessRuntime runtime, NativeStart started) {
        synchronized (runtime.monitor) {
            if (--runtime.users[0] == 0) {
                stopAll(libs.dc(), started.handles);
            }
        }
    }

    private static void stopAll(QatLibraries.Dc dc, List<Pointer> handles) {
        for (Pointer h : handles) {
            dc.cpaDcStopInstance(h);
        }
        dc.icp_sal_userStop();
    }

    /** {@code 2 instance(s): dc0: node 0, ...; capabilities deflate, ...; not used: ...}. */
    String describe() {
        String list = instances.stream().map(i -> i.info.describe()).collect(Collectors.joining("; "));
        String caps = instances.get(0).info.capabilities();
        return instances.size() + " data compression instance(s) [" + list + "], capabilities " + caps
                + (excluded.isEmpty() ? "" : ", not used: " + String.join("; ", excluded));
    }
}
