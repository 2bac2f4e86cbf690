package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.Backend;
import io.kqat.codec.backend.BackendException;
import io.kqat.codec.backend.nativeio.ContextPool;
import io.kqat.codec.backend.nativeio.DirectAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raw DEFLATE on a QAT device through qatlib's data compression API, one stateless request per batch. In zero-copy
 * mode, input that already lies in the mapped region (a batch Kafka wrote into a slot) is compressed where it is; any
 * other input is staged into region slots (zero-copy) or pinned USDM buffers (pinned-copy), and every copied byte is
 * counted. Output is staged the same way unless the destination is in the region. Any failure (refused submission,
 * error status, overflow, timeout, no staging memory) is a {@link BackendException}: the ladder redoes that batch on
 * the next rung. The CRC32 of the gzip trailer comes from the device's result.
 */
class QatBackend implements Backend {
    /** The device is asked at most this much in one request (and in one output). */
    static final int MAX_REQUEST_BYTES = RequestDescriptors.MAX_FLATS * SlotArena.SLOT_SIZE;

    enum Mode {
        ZERO_COPY("zero-copy"), PINNED_COPY("pinned-copy");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final String name;
    final Mode mode;
    final QatRuntime runtime;
    final Region region;
    final SlotArena arena;
    private final PinnedBuffers pinned;
    private final QatSessions sessions;
    private final ContextPool<RequestDescriptors> descriptors;
    private final long timeoutNanos;
    private volatile boolean closed;
    final LongAdder compressInputCopied = new LongAdder();
    final LongAdder compressOutputCopied = new LongAdder();
    final LongAdder decompressInputCopied = new LongAdder();
    final LongAdder decompressOutputCopied = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder compressInputBytes = new LongAdder();

    QatBackend(String name, Mode mode, QatRuntime runtime, Region region, long timeoutNanos) {
        this.name = name;
        this.mode = mode;
        this.runtime = runtime;
        this.region = region;
        this.arena = region == null ? null : new SlotArena(region);
        this.pinned = new PinnedBuffers(runtime.libs.usdm);
        this.sessions = new QatSessions(runtime);
        this.descriptors = new ContextPool<>(runtime::newDescriptors, RequestDescriptors::free);
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int deflateBound(int n) {
        return n + (n >>> 3) + 1024;
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        if (n > MAX_REQUEST_BYTES) {
            throw new BackendException("a " + n + "-byte batch is over one QAT request (" + MAX_REQUEST_BYTES + " bytes)");
        }
        int outCap = (int) Math.min(dst.remaining(), Math.min(deflateBound(n), MAX_REQUEST_BYTES));
        long srcAddress = addressOf(src);
        long dstAddress = addressOf(dst);
        Request r = new Request();
        try {
            compressInputBytes.add(n);
            long in = r.input(srcAddress, src, n, compressInputCopied);
            long out = r.output(dstAddress, outCap);
            RequestDescriptors d = r.descriptors();
            d.prepare(true);
            d.source(in, n, SlotArena.SLOT_SIZE);
            d.destination(out, outCap, SlotArena.SLOT_SIZE);
            r.run(true, level);
            int result = d.resultStatus();
            if (result != CpaStatus.DC_OK) {
                throw new BackendException("QAT compress result " + CpaStatus.resultName(result));
            }
            long produced = d.resultProduced();
            if (d.resultConsumed() != n || produced <= 0 || produced > outCap) {
                throw new BackendException("QAT compress reported " + d.resultConsumed() + " in, " + produced + " out for " + n);
            }
            r.copyOut(dst, (int) produced, compressOutputCopied);
            src.position(src.limit());
            return new Deflated((int) produced, d.resultChecksum());
        } finally {
            r.close();
        }
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        // src may hold more members after this one: the device gets at most one request's worth, and a member longer
        // than that comes back incomplete and is inflated in software.
        int n = Math.min(src.remaining(), MAX_REQUEST_BYTES);
        int outCap = dst.remaining();
        if (outCap > MAX_REQUEST_BYTES) {
            throw new BackendException("a member inflating to over " + MAX_REQUEST_BYTES + " bytes is over one QAT request: inflated in software");
        }
        long srcAddress = addressOf(src);
        long dstAddress = addressOf(dst);
        Request r = new Request();
        try {
            long in = r.input(srcAddress, src.duplicate().limit(src.position() + n), n, decompressInputCopied);
            long out = r.output(dstAddress, Math.max(outCap, 1));
            RequestDescriptors d = r.descriptors();
            d.prepare(false);
            d.source(in, n, SlotArena.SLOT_SIZE);
            d.destination(out, Math.max(outCap, 1), SlotArena.SLOT_SIZE);
            r.run(false, 1);
            int result = d.resultStatus();
            if (result == CpaStatus.DC_OVERFLOW) {
                return Inflated.OUTPUT_TOO_SMALL;
            }
            if (result != CpaStatus.DC_OK) {
                // Left to software, which decides whether the data is really corrupt.
                throw new BackendException("QAT rejected the deflate data: " + CpaStatus.resultName(result));
            }
            if (!d.resultEndOfLastBlock()) {
                // Stopped before the final block (a member longer than the staged window, say): software decides.
                throw new BackendException("QAT did not reach the end of the deflate stream");
            }
            long consumed = d.resultConsumed();
            long produced = d.resultProduced();
            if (consumed <= 0 || consumed > n || produced > outCap) {
                throw new BackendException("QAT decompress reported " + consumed + " in, " + produced + " out");
            }
            r.copyOut(dst, (int) produced, decompressOutputCopied);
            src.position(src.position() + (int) consumed);
            return new Inflated(true, (int) consumed, (int) produced);
        } finally {
            r.close();
        }
    }

    /** Heap buffers are copied into device memory directly, once, so this backend takes them as they are. */
    @Override
    public boolean requiresDirectBuffers() {
        return false;
    }

    /** Native address of a direct buffer's position; 0 (never inside the region) for a heap buffer. */
    private static long addressOf(ByteBuffer b) {
        return b.isDirect() ? DirectAddress.at(b) : 0;
    }

    /** Device memory for staging: region slots when there is a region, pinned buffers otherwise. */
    private DeviceBuffer stage(int bytes) {
        DeviceBuffer b = arena != null ? arena.acquire(bytes) : pinned.acquire(bytes);
        if (b == null) {
            throw new BackendException(arena != null
                    ? "QAT region full: no free run of slots for " + bytes + " bytes"
                    : "no pinned memory for " + bytes + " bytes");
        }
        return b;
    }

    @Override
    public String detail() {
        StringBuilder sb = new StringBuilder(mode.label).append(", ").append(runtime.libs.origin);
        if (region != null) {
            sb.append(", region ").append(region);
        }
        sb.append(", ").append(requests.sum()).append(" requests, copied: compress in ")
                .append(compressInputCopied.sum()).append(" B, out ").append(compressOutputCopied.sum())
                .append(" B; decompress in ").append(decompressInputCopied.sum()).append(" B, out ")
                .append(decompressOutputCopied.sum()).append(" B");
        return sb.toString();
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return java.util.Map.of(
                "requests", requests.sum(),
                "compress.input.bytes", compressInputBytes.sum(),
                "compress.input.copied", compressInputCopied.sum(),
                "compress.output.copied", compressOutputCopied.sum(),
                "decompress.input.copied", decompressInputCopied.sum(),
                "decompress.output.copied", decompressOutputCopied.sum());
    }

    /** Forgets what the start-up self test moved, so the figures describe real traffic. */
    void resetCounters() {
        for (LongAdder a : new LongAdder[] {compressInputCopied, compressOutputCopied, decompressInputCopied,
                decompressOutputCopied, requests, compressInputBytes}) {
            a.reset();
        }
    }

    /**
     * Closes with no request of any backend running (the runtime's exclusive side), so no session, mapping or
     * descriptor is freed under a request. Requests that come later see {@code closed} and go to the next rung. The
     * region is unmapped before qatlib stops, as the API requires, and its memory freed only if no batch still holds a
     * slot (a producer thread racing JVM exit keeps writing into valid memory).
     */
    @Override
    public void close() {
        if (runtime.enterExclusive()) {
            try {
                closed = true;
                sessions.close();
                descriptors.close();
                pinned.close();
                if (region != null) {
                    region.close(arena.closeAndIsIdle());
                }
            } finally {
                runtime.leaveExclusive();
            }
        } else {
            // qatlib stopped already, or requests are stuck: leave native clean-up to the process's exit.
            closed = true;
            if (arena != null) {
                arena.closeAndIsIdle();
            }
        }
        QatRuntime.release(runtime);
    }

    /** The memory of one request; released at close, or when a timed-out request finally completes. */
    private final class Request implements AutoCloseable {
        private DeviceBuffer stagedIn;
        private DeviceBuffer stagedOut;
        private RequestDescriptors descriptors;
        private long outAddress;
        private boolean inFlightAfterTimeout;

        /** Device address of the input: in place when it lies in the region, else a staged copy. */
        long input(long address, ByteBuffer src, int n, LongAdder copied) {
            if (address != 0 && region != null && region.contains(address, n)) {
                return address;
            }
            stagedIn = stage(n);
            stagedIn.buffer().clear().put(src.duplicate());
            copied.add(n);
            return stagedIn.address();
        }

        long output(long address, int capacity) {
            if (address != 0 && region != null && region.contains(address, capacity)) {
                outAddress = address;
                return address;
            }
            stagedOut = stage(capacity);
            outAddress = stagedOut.address();
            return outAddress;
        }

        RequestDescriptors descriptors() {
            if (descriptors == null) {
                descriptors = QatBackend.this.descriptors.borrow();
            }
            return descriptors;
        }

        void run(boolean compress, int level) {
            if (!runtime.enter()) {
                throw new BackendException("QAT stopped (the JVM is exiting)");
            }
            if (closed) {
                runtime.leave();
                throw new BackendException("QAT backend closed");
            }
            QatRuntime.Instance instance;
            Pointer session;
            try {
                instance = runtime.nextInstance();
                session = sessions.session(instance, compress, level);
            } catch (RuntimeException e) {
                runtime.leave();
                throw e;
            }
            requests.increment();
            int status;
            try {
                status = runtime.submitAndWait(instance, compress, session, descriptors, timeoutNanos, this::release);
            } catch (QatRuntime.RequestTimedOut e) {
                inFlightAfterTimeout = true;
                throw e;
            } finally {
                runtime.leave();
            }
            // A failed completion with a request result (overflow, bad data) is for the caller to read; without one
            // the request itself failed.
            if (status != CpaStatus.SUCCESS && descriptors.resultStatus() == CpaStatus.DC_OK) {
                throw new BackendException("QAT request completed with " + CpaStatus.name(status));
            }
        }

        void copyOut(ByteBuffer dst, int produced, LongAdder copied) {
            if (stagedOut != null) {
                ByteBuffer from = stagedOut.buffer().duplicate();
                from.clear().limit(produced);
                dst.put(from);
                copied.add(produced);
            } else {
                dst.position(dst.position() + produced);
            }
        }

        @Override
        public void close() {
            if (!inFlightAfterTimeout) {
                release();
            }
        }

        private void release() {
            if (stagedIn != null) {
                stagedIn.close();
            }
            if (stagedOut != null) {
                stagedOut.close();
            }
            if (descriptors != null) {
                QatBackend.this.descriptors.giveBack(descriptors);
            }
        }
    }
}
