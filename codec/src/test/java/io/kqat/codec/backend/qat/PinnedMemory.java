package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;

/** One qaeMemAllocNUMA block for raw requests, as a lease. */
final class PinnedMemory implements AutoCloseable {
    final Pointer memory;
    final RawRequest.Plain lease;
    private final QatProcess process;

    PinnedMemory(QatProcess process, int bytes) {
        this.process = process;
        this.memory = process.libs().usdm().qaeMemAllocNUMA(bytes, -1, 64);
        if (memory == null) {
            throw new IllegalStateException("qaeMemAllocNUMA refused " + bytes);
        }
        this.lease = new RawRequest.Plain(Pointer.nativeValue(memory), bytes, bytes);
    }

    long address() {
        return Pointer.nativeValue(memory);
    }

    @Override
    public void close() {
        process.libs().usdm().qaeMemFreeNUMA(new PointerByReference(memory));
    }
}
