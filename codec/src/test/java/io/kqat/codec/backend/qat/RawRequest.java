package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;

/**
 * One request built by hand through kqat's own descriptors and runner, for tests that must show what the emulated
 * library does with a request kqat itself would never send (a crossing flat, 256 flats, no compress-and-verify).
 */
final class RawRequest implements AutoCloseable {
    final QatProcess process;
    final Instance instance;
    final RequestDescriptors descriptors;
    private final QatSessions sessions;

    RawRequest(QatProcess process) {
        this.process = process;
        this.instance = process.instances().get(0);
        this.descriptors = process.newDescriptors(instance.info.node);
        this.sessions = new QatSessions(process);
    }

    /** Submits and waits (2 s); returns the callback status, or the submission's refusal as a negative status. */
    int run(boolean compress) {
        Pointer session = sessions.session(instance, compress, 1);
        long deadline = System.nanoTime() + 2_000_000_000L;
        RequestRunner.Completion c;
        try {
            c = process.requests.submit(instance, compress, session, descriptors, deadline);
        } catch (io.kqat.codec.spi.BackendException e) {
            return Integer.MIN_VALUE;
        }
        return process.requests.await(instance, c, 4096, deadline, () -> { });
    }

    @Override
    public void close() {
        sessions.close(0);
        descriptors.free();
    }

    /** A lease over memory the test owns, in mappings of {@code mappingBytes} from its first byte. */
    static final class Plain extends DeviceLease {
        private final long address;
        private final int capacity;
        private final long mappingBytes;

        Plain(long address, int capacity, long mappingBytes) {
            this.address = address;
            this.capacity = capacity;
            this.mappingBytes = mappingBytes;
        }

        Plain(long address, int capacity) {
            this(address, capacity, Long.MAX_VALUE / 2);
        }

        @Override
        long address() {
            return address;
        }

        @Override
        int capacity() {
            return capacity;
        }

        @Override
        int node() {
            return 0;
        }

        @Override
        long mappingEnd(long at) {
            return address + ((at - address) / mappingBytes + 1) * mappingBytes;
        }

        @Override
        public java.nio.ByteBuffer buffer() {
            return new Pointer(address).getByteBuffer(0, capacity);
        }

        @Override
        protected void free() {
        }
    }
}
