package io.kqat.codec.backend.isal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.nativeio.NativeMemory;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The native memory of one ISA-L {@code inflate_state}, reserved in the process's native-memory bound before it is
 * allocated, and initialised. {@link #free()} gives both back; should its owner be dropped unclosed, the
 * {@link Memory} frees itself and the reservation is released when this object is collected.
 */
final class ReservedState {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Memory memory;
    private final Cleaner.Cleanable reservation;
    /** The state's address, for the native calls. */
    final long address;
    /** The state's fields, in native byte order. */
    final ByteBuffer fields;

    ReservedState() {
        NativeMemory budget = NativeMemory.process();
        budget.reserveOrDecline(InflateState.ALLOCATED, "an ISA-L inflate state");
        try {
            memory = new Memory(InflateState.ALLOCATED);
        } catch (RuntimeException | Error e) {
            budget.release(InflateState.ALLOCATED);
            throw e;
        }
        reservation = CLEANER.register(this, () -> budget.release(InflateState.ALLOCATED));
        address = Pointer.nativeValue(memory);
        fields = memory.getByteBuffer(0, InflateState.SIZE).order(ByteOrder.nativeOrder());
        IsalNative.isal_inflate_init(address);
    }

    void free() {
        memory.close();
        reservation.clean();
    }
}
