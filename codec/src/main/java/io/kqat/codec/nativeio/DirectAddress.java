package io.kqat.codec.nativeio;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * Native addresses of direct buffers, checked. JNA would silently add a buffer's position to its address; kqat
 * passes explicit addresses with explicit lengths instead, computed and bounds-checked here, so a native call can
 * never be told to read or write outside the buffer it was given.
 */
public final class DirectAddress {
    private DirectAddress() {
    }

    /** Address of {@code buffer}'s position; {@code buffer} must be direct. */
    public static long at(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("native backends take direct buffers only");
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(buffer)) + buffer.position();
    }
}
