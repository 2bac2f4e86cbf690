package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcSessionSetupData;
import io.kqat.codec.spi.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Stateless sessions of one {@link SessionKind} (deflate, LZ4s, zstd), one per instance, direction and level, created on first use in pinned memory on the
 * instance's node and removed on close (after the requests still in flight drain: qatlib answers RETRY until then).
 * Found by index, so a request builds no key.
 */
final class QatSessions implements AutoCloseable {
    /** Slot 0: decompression; 1..12: compression at that QAT level. */
    private static final int PER_INSTANCE = 13;
    private final QatProcess process;
    private final SessionKind kind;
    private final AtomicReferenceArray<Pointer> sessions;
    private final List<Created> created = new ArrayList<>();

    QatSessions(QatProcess process) {
        this(process, SessionKind.DEFLATE);
    }

    QatSessions(QatProcess process, SessionKind kind) {
        this.process = process;
        this.kind = kind;
        this.sessions = new AtomicReferenceArray<>(process.instanceCount() * PER_INSTANCE);
    }

    /** @param level Kafka level 1..9 (QAT levels 1..9 are the same numbers); ignored for decompression */
    Pointer session(Instance instance, boolean compress, int level) {
        int slot = instance.index * PER_INSTANCE + (compress ? Math.max(1, Math.min(12, level)) : 0);
        Pointer s = sessions.get(slot);
        if (s == null) {
            synchronized (created) {
                s = sessions.get(slot);
                if (s == null) {
                    s = create(instance, compress, level);
                    sessions.set(slot, s);
                }
            }
        }
        return s;
    }

    private Pointer create(Instance instance, boolean compress, int level) {
        CpaDcSessionSetupData setup = new CpaDcSessionSetupData();
        kind.describe(setup, compress, level);
        IntByReference size = new IntByReference();
        IntByReference contextSize = new IntByReference();
        int status = process.libs.dc().cpaDcGetSessionSize(instance.handle, setup, size, contextSize);
        if (status != CpaStatus.SUCCESS || size.getValue() <= 0) {
            throw BackendException.fault("cpaDcGetSessionSize (" + kind + ") failed: " + CpaStatus.name(status));
        }
        Pointer memory = process.libs.usdm().qaeMemAllocNUMA(size.getValue(), instance.info.node(), 64);
        if (memory == null) {
            throw BackendException.declined("qaeMemAllocNUMA refused " + size.getValue() + " bytes for a session");
        }
        setup.write();
        status = process.libs.hot().initSession(instance.address, Pointer.nativeValue(memory), setup.getPointer(), 0,
                process.requests.callback);
        if (status != CpaStatus.SUCCESS) {
            process.libs.usdm().qaeMemFreeNUMA(new PointerByReference(memory));
            throw BackendException.fault("cpaDcInitSession (" + kind + ") failed: " + CpaStatus.name(status));
        }
        created.add(new Created(instance, memory));
        return memory;
    }

    /**
     * Removes every session, waiting up to {@code waitNanos} for each to drain; a session still in use then (a hung
     * device) is left allocated: leaking beats letting the device read freed memory.
     */
    void close(long waitNanos) {
        synchronized (created) {
            for (Created s : created) {
                long deadline = System.nanoTime() + waitNanos;
                int status;
                while ((status = process.libs.dc().cpaDcRemoveSession(s.instance.handle, s.memory)) == CpaStatus.RETRY
                        && System.nanoTime() - deadline < 0) {
                    process.requests.poll(s.instance);
                    LockSupport.parkNanos(100_000);
                }
                if (status == CpaStatus.SUCCESS) {
                    process.libs.usdm().qaeMemFreeNUMA(new PointerByReference(s.memory));
                }
            }
            created.clear();
            for (int i = 0; i < sessions.length(); i++) {
                sessions.set(i, null);
            }
        }
    }

    @Override
    public void close() {
        close(process.drainNanos());
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
