package io.kqat.codec.backend.qat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A request's descriptors are written and its results read through one direct view of the descriptor block, never
 * through JNA's Pointer accessors, each of which is a JNI call (about 15 per request when they were used). Read from
 * the class file: the names of Pointer's accessors must not be referenced by RequestDescriptors at all.
 */
class DescriptorAccessTest {
    @Test
    void requestDescriptorsMakeNoJniCallPerField() throws IOException {
        Set<String> names = utf8Constants(RequestDescriptors.class);
        assertThat(names).as("names RequestDescriptors refers to").contains("putInt", "getInt")
                .doesNotContain("setInt", "setLong", "setPointer", "share")
                .as("Pointer.getInt(long)'s descriptor").doesNotContain("(J)I");
    }

    /** Every CONSTANT_Utf8 of a class file: the names and descriptors of every member it refers to. */
    static Set<String> utf8Constants(Class<?> type) throws IOException {
        Set<String> utf8 = new HashSet<>();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.add(data.readUTF());
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
        }
        return utf8;
    }
}
