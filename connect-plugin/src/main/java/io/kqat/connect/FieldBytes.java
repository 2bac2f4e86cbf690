package io.kqat.connect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.DataException;

/** The bytes of a key or value the transforms accept (byte[], ByteBuffer, String), and a clear error for the rest. */
final class FieldBytes {
    private FieldBytes() {
    }

    /** @param what "key" or "value", for the message */
    static byte[] of(Object field, String what, String transform) {
        if (field instanceof byte[]) {
            return (byte[]) field;
        }
        if (field instanceof ByteBuffer) {
            ByteBuffer buffer = (ByteBuffer) field;
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (field instanceof String) {
            return ((String) field).getBytes(StandardCharsets.UTF_8);
        }
        throw new DataException(transform + " works on a " + what + " of bytes or a string, not a "
                + field.getClass().getName() + ". Use " + what + ".converter="
                + "org.apache.kafka.connect.converters.ByteArrayConverter (or StringConverter) for this connector, "
                + "so the " + what + " reaches the transform as bytes.");
    }
}
