package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatEvents;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How this copy of kqat learns that requests completed, decided once at start. On qatlib 26.02+ the copy that starts
 * qatlib puts every instance in event mode (nothing is in flight yet: 26.08 refuses a switch otherwise) and, on 26.08,
 * sets the coalescing timer when asked to; every copy then reads each instance's VF eventfd. Where any step is missing
 * or refused, every instance stays (or goes back to) polled, and the reason is kept for the start line and doctor.
 */
final class ResponseModes {
    private static final int DC = QatEvents.DATA_COMPRESSION;

    private ResponseModes() {
    }

    static Completions start(QatLibraries libs, List<Instance> instances, boolean first, CompletionSettings settings) {
        QatEvents.Modes modes = libs.events();
        if (modes == null) {
            return Completions.polled("qatlib before 26.02 has no event mode (no cpaInstanceSetResponseMode in "
                    + libs.soname() + ")");
        }
        if (!settings.eventsAllowed()) {
            return Completions.polled("qat.completion=poll");
        }
        String timerNote = "";
        if (first) {
            for (int k = 0; k < instances.size(); k++) {
                int status = modes.cpaInstanceSetResponseMode(instances.get(k).handle, DC, QatEvents.NOTIFY_BY_EVENT);
                if (status != CpaStatus.SUCCESS) {
                    revert(modes, instances.subList(0, k));
                    return Completions.polled("cpaInstanceSetResponseMode answered " + CpaStatus.name(status));
                }
            }
            timerNote = setTimer(libs, instances, settings.coalescingNanos());
        } else {
            IntByReference mode = new IntByReference();
            for (Instance i : instances) {
                int status = modes.cpaInstanceGetResponseMode(i.handle, DC, mode);
                if (status != CpaStatus.SUCCESS || mode.getValue() != QatEvents.NOTIFY_BY_EVENT) {
                    return Completions.polled("another copy of kqat in this process started the instances polled");
                }
            }
        }
        Map<Integer, List<Instance>> byFd = new LinkedHashMap<>();
        IntByReference fd = new IntByReference(-1);
        for (Instance i : instances) {
            fd.setValue(-1);
            int status = modes.icp_sal_DcGetFileDescriptor(i.handle, fd);
            if (status != CpaStatus.SUCCESS || fd.getValue() < 0) {
                if (first) {
                    revert(modes, instances);
                }
                return Completions.polled("icp_sal_DcGetFileDescriptor answered " + CpaStatus.name(status));
            }
            byFd.computeIfAbsent(fd.getValue(), k -> new ArrayList<>()).add(i);
        }
        // 26.08's poll drains the eventfd itself (it is the release with the coalescing timer); 26.02's does not.
        return Completions.signalled(byFd, timer(libs, instances.get(0)), timerNote, libs.coalescing() != null);
    }

    /** Back to polled; nothing is in flight at start, so the switch is allowed. */
    private static void revert(QatEvents.Modes modes, List<Instance> switched) {
        for (Instance i : switched) {
            modes.cpaInstanceSetResponseMode(i.handle, DC, QatEvents.NOTIFY_NONE);
        }
    }

    /** Sets the timer asked for; returns a note when it could not be. */
    private static String setTimer(QatLibraries libs, List<Instance> instances, Long nanos) {
        if (nanos == null) {
            return "";
        }
        if (libs.coalescing() == null) {
            return "qat.coalescing.ns not applied: qatlib before 26.08 has no coalescing timer";
        }
        for (Instance i : instances) {
            int status = libs.coalescing().cpaInstanceSetIntCoalescingTimer(i.handle, DC, (int) (long) nanos);
            if (status != CpaStatus.SUCCESS) {
                return "cpaInstanceSetIntCoalescingTimer(" + nanos + ") answered " + CpaStatus.name(status);
            }
        }
        return "";
    }

    /** The coalescing timer as the hardware holds it, in ns, or -1 where the library cannot say (before 26.08). */
    private static long timer(QatLibraries libs, Instance instance) {
        if (libs.coalescing() == null) {
            return -1;
        }
        Memory data = new Memory(QatEvents.METADATA_SIZE);
        data.clear();
        int status = libs.coalescing().cpaInstanceGetRxInterruptMetaData(instance.handle, DC, data);
        return status == CpaStatus.SUCCESS ? Integer.toUnsignedLong(data.getInt(0)) : -1;
    }
}
