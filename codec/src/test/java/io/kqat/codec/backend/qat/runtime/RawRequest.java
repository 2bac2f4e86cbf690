package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;

/**
 * One request built by hand through kqat's own descriptors and runner, for tests that must show what the emulated
 * library does with a request kqat itself would never send (a crossing flat, 256 flats, no compress-and-verify).
 * Public, with the descriptors' calls, for the tests of every sub-package.
 */
public final class RawRequest implements AutoCloseable {
    private final QatProcess process;
    private final Instance instance;
    private final RequestDescriptors descriptors;
    private final QatSessions sessions;

    public RawRequest(QatProcess process) {
        this.process = process;
        this.instance = process.instances().get(0);
        this.descriptors = process.newDescriptors(instance.info.node());
        this.sessions = new QatSessions(process);
    }

    public QatProcess process() {
        return process;
    }

    /** Operation data for one request, compress-and-verify as given. */
    public void prepare(boolean compress, boolean compressAndVerify) {
        descriptors.prepare(compress, compressAndVerify);
    }

    public void source(DeviceLease lease, long address, long length, int flatBytes) {
        descriptors.source(lease, address, length, flatBytes);
    }

    public void destination(DeviceLease lease, long address, long length, int flatBytes) {
        descriptors.destination(lease, address, length, flatBytes);
    }

    /** Flats in the source list as last described. */
    public int sourceFlats() {
        return descriptors.sourceFlats();
    }

    /** Submits and waits (2 s); returns the callback status, or the submission's refusal as a negative status. */
    public int run(boolean compress) {
        Pointer session = sessions.session(instance, compress, 1);
        long deadline = System.nanoTime() + 2_000_000_000L;
        RequestRunner.Completion c;
        try {
            c = process.requests.submit(instance, compress, session, descriptors, deadline);
        } catch (BackendException e) {
            return Integer.MIN_VALUE;
        }
        return process.requests.await(instance, c, 4096, deadline, () -> { });
    }

    /**
     * Submits, then stops waiting as a caller does when something is thrown after the device took the request: its
     * memory is then held until the device completes it, when {@code lateRelease} runs.
     *
     * @return whether the request was still out (so {@code lateRelease} will run)
     */
    public boolean submitAndLeave(boolean compress, Runnable lateRelease) {
        Pointer session = sessions.session(instance, compress, 1);
        RequestRunner.Completion c = process.requests.submit(instance, compress, session, descriptors,
                System.nanoTime() + 2_000_000_000L);
        return process.requests.keepUntilCompleted(c, lateRelease);
    }

    /** Polls the request's instance, as a waiting caller or the probe does. */
    public void poll() {
        process.requests.poll(instance);
    }

    /** Requests given up on that still count as out (their memory held): region memory is unmapped only at 0. */
    public int requestsStillOut() {
        return process.runtime.abandoned.get();
    }

    @Override
    public void close() {
        sessions.close(0);
        descriptors.free();
    }

    /** A lease over memory the test owns, in mappings of {@code mappingBytes} from its first byte. */
    public static final class Plain extends DeviceLease {
        private final long address;
        private final int capacity;
        private final long mappingBytes;

        public Plain(long address, int capacity, long mappingBytes) {
            this.address = address;
            this.capacity = capacity;
            this.mappingBytes = mappingBytes;
        }

        public Plain(long address, int capacity) {
            this(address, capacity, Long.MAX_VALUE / 2);
        }

        @Override
        public long address() {
            return address;
        }

        @Override
        protected int capacity() {
            return capacity;
        }

        @Override
        public int node() {
            return 0;
        }

        @Override
        protected long mappingEnd(long at) {
            return address + ((at - address) / mappingBytes + 1) * mappingBytes;
        }

        @Override
        public ByteBuffer buffer() {
            return new Pointer(address).getByteBuffer(0, capacity);
        }

        @Override
        protected void free() {
        }
    }
}
