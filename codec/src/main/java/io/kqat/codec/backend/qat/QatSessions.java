package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.backend.BackendException;
import io.kqat.codec.backend.qat.CpaStructs.CpaDcSessionSetupData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Stateless deflate sessions, one per instance, direction and level, created on first use in pinned memory and
 * removed on close (after the requests still in flight drain: qatlib answers RETRY until then).
 */
final class QatSessions implements AutoCloseable {
    private final QatRuntime runtime;
    private final ConcurrentHashMap<String, Pointer> sessions = new ConcurrentHashMap<>();
    private final List<Object[]> created = new ArrayList<>();

    QatSessions(QatRuntime runtime) {
        this.runtime = runtime;
    }

    /** @param level Kafka level 1..9 (QAT levels 1..9 are the same numbers); ignored for decompression */
    Pointer session(QatRuntime.Instance instance, boolean compress, int level) {
        String key = instance.index + (compress ? "/c" + level : "/d");
        return sessions.computeIfAbsent(key, k -> create(instance, compress, level));
    }

    private Pointer create(QatRuntime.Instance instance, boolean compress, int level) {
        CpaDcSessionSetupData setup = new CpaDcSessionSetupData();
        setup.compLevel = compress ? level : 1;
        setup.compType = CpaStatus.DC_DEFLATE;
        setup.huffType = CpaStatus.HUFF_DYNAMIC;
        setup.sessDirection = compress ? CpaStatus.DIR_COMPRESS : CpaStatus.DIR_DECOMPRESS;
        setup.sessState = CpaStatus.STATELESS;
        setup.checksum = CpaStatus.CHECKSUM_CRC32;
        IntByReference size = new IntByReference();
        IntByReference contextSize = new IntByReference();
        int status = runtime.libs.dc.cpaDcGetSessionSize(instance.handle, setup, size, contextSize);
        if (status != CpaStatus.SUCCESS || size.getValue() <= 0) {
            throw new BackendException("cpaDcGetSessionSize failed: " + CpaStatus.name(status));
        }
        Pointer memory = runtime.libs.usdm.qaeMemAllocNUMA(size.getValue(), -1, 64);
        if (memory == null) {
            throw new BackendException("qaeMemAllocNUMA refused " + size.getValue() + " bytes for a session");
        }
        status = runtime.libs.dc.cpaDcInitSession(instance.handle, memory, setup, null, runtime.callback);
        if (status != CpaStatus.SUCCESS) {
            runtime.libs.usdm.qaeMemFreeNUMA(new PointerByReference(memory));
            throw new BackendException("cpaDcInitSession failed: " + CpaStatus.name(status));
        }
        synchronized (created) {
            created.add(new Object[] {instance, memory});
        }
        return memory;
    }

    @Override
    public void close() {
        synchronized (created) {
            for (Object[] s : created) {
                QatRuntime.Instance instance = (QatRuntime.Instance) s[0];
                Pointer memory = (Pointer) s[1];
                long deadline = System.nanoTime() + 2_000_000_000L;
                int status;
                while ((status = runtime.libs.dc.cpaDcRemoveSession(instance.handle, memory)) == CpaStatus.RETRY
                        && System.nanoTime() < deadline) {
                    runtime.poll(instance);
                    LockSupport.parkNanos(100_000);
                }
                if (status == CpaStatus.SUCCESS) {
                    runtime.libs.usdm.qaeMemFreeNUMA(new PointerByReference(memory));
                } // else the device may still read it: leaking beats corrupting
            }
            created.clear();
            sessions.clear();
        }
    }
}
