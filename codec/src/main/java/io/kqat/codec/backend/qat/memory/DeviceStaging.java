package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.spi.StagingMemory;
import java.util.Map;

/**
 * Where one QAT mode keeps what the device reads and writes: slots of the mapped region (zero-copy) or pinned USDM
 * buffers (pinned-copy). Hands out leases of it and translates buffers back to the lease they belong to.
 */
public interface DeviceStaging extends StagingMemory, AutoCloseable {

    /** {@code zero-copy} or {@code pinned-copy}. */
    String mode();

    /**
     * The lease holding [address, address+length) (the caller found the address once, from its buffer's position:
     * every lookup of a direct buffer's address is a JNI call).
     *
     * @throws IllegalArgumentException when that range is not memory of this staging: a native call must never be
     *                                  given an address the device cannot reach
     */
    DeviceLease leaseAt(long address, int length);

    /** Figures for the backend's detail. */
    Map<String, Long> figures();

    /** One line for people. */
    String summary();

    @Override
    void close();
}
