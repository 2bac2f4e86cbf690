package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.spi.BackendException;
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
    private final QatProcess process;
    private final ConcurrentHashMap<String, Pointer> sessions = new ConcurrentHashMap<>();
    private final List<Created> created = new ArrayList<>();

    QatSessions(QatProcess process) {
        this.process = process;
    }

    /** @param level Kafka level 1..9 (QAT levels 1..9 are the same numbers); ignored for decompression */
    Pointer session(Instance instance, boolean compress, int level) {
        String key = instance.index + (compress ? "/c" + level : "/d");
        return sessions.computeIfAbsent(key, k -> create(instance, compress, level));
    }

    private Pointer create(Instance instance, boolean compress, int level) {
        CpaDcSessionSetupData setup = new CpaDcSessionSetupData();
        setup.compLevel = compress ? level : 1;
        setup.compType = CpaStatus.DC_DEFLATE;
        setup.huffType = CpaStatus.HUFF_DYNAMIC;
        setup.sessDirection = compress ? CpaStatus.DIR_COMPRESS : CpaStatus.DIR_DECOMPRESS;
        setup.sessState = CpaStatus.STATELESS;
        setup.checksum = CpaStatus.CHECKSUM_CRC32;
        IntByReference size = new IntByReference();
        IntByReference contextSize = new IntByReference();
        int status = process.libs.dc.cpaDcGetSessionSize(instance.handle, setup, size, contextSize);
        if (status != CpaStatus.SUCCESS || size.getValue() <= 0) {
            throw new BackendException("cpaDcGetSessionSize failed: " + CpaStatus.name(status));
        }
        Pointer memory = process.libs.usdm.qaeMemAllocNUMA(size.getValue(), -1, 64);
        if (memory == null) {
            throw new BackendException("qaeMemAllocNUMA refused " + size.getValue() + " bytes for a session");
        }
        status = process.libs.dc.cpaDcInitSession(instance.handle, memory, setup, null, process.requests.callback);
        if (status != CpaStatus.SUCCESS) {
            process.libs.usdm.qaeMemFreeNUMA(new PointerByReference(memory));
            throw new BackendException("cpaDcInitSession failed: " + CpaStatus.name(status));
        }
        synchronized (created) {
            created.add(new Created(instance, memory));
        }
        return memory;
    }

    @Override
    public void close() {
        synchronized (created) {
            for (Created s : created) {
                Instance instance = s.instance;
                Pointer memory = s.memory;
                long deadline = System.nanoTime() + 2_000_000_000L;
                int status;
                while ((status = process.libs.dc.cpaDcRemoveSession(instance.handle, memory)) == CpaStatus.RETRY
                        && System.nanoTime() < deadline) {
                    process.requests.poll(instance);
                    LockSupport.parkNanos(100_000);
                }
                if (status == CpaStatus.SUCCESS) {
                    process.libs.usdm.qaeMemFreeNUMA(new PointerByReference(memory));
                } // else the device may still read it: leaking beats corrupting
            }
            created.clear();
            sessions.clear();
        }
    }

    /** A session and the instance it belongs to, for removal. */
    private static final class Created {
        final Instance instance;
        final Pointer memory;

        Created(Instance instance, Pointer memory) {
            this.instance = instance;
            this.memory = memory;
        }
    }
}
