package io.kqat.codec.backend.qat;

import java.nio.ByteBuffer;

/** Edits a class file's constant pool, to make "another build" of a class without a compiler. */
final class ClassFilePatch {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int METHOD_HANDLE = 15;

    private ClassFilePatch() {
    }

    /**
     * Replaces every CONSTANT_Integer and CONSTANT_Long {@code from} by {@code to} (javac folds a constant used in
     * long arithmetic into a long); returns how many there were.
     */
    static int replaceInt(byte[] classFile, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(classFile);
        if (b.getInt(0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        int count = Short.toUnsignedInt(b.getShort(8));
        int p = 10;
        int replaced = 0;
        for (int i = 1; i < count; i++) {
            int tag = classFile[p] & 0xff;
            if (tag == INTEGER && b.getInt(p + 1) == from) {
                b.putInt(p + 1, to);
                replaced++;
            } else if (tag == LONG && b.getLong(p + 1) == from) {
                b.putLong(p + 1, to);
                replaced++;
            }
            p += 1 + size(tag, b, p);
            if (tag == LONG || tag == DOUBLE) {
                i++;
            }
        }
        return replaced;
    }

    private static int size(int tag, ByteBuffer b, int p) {
        switch (tag) {
            case UTF8:
                return 2 + Short.toUnsignedInt(b.getShort(p + 1));
            case INTEGER:
            case FLOAT:
            case 9: case 10: case 11: case 12: case 17: case 18:
                return 4;
            case LONG:
            case DOUBLE:
                return 8;
            case 7: case 8: case 16: case 19: case 20:
                return 2;
            case METHOD_HANDLE:
                return 3;
            default:
                throw new IllegalArgumentException("constant pool tag " + tag);
        }
    }
}
