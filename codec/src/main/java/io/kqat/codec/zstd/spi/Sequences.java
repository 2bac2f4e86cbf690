package io.kqat.codec.zstd.spi;

import io.kqat.codec.nativeio.DirectAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An array of libzstd's {@code ZSTD_Sequence} ({@code {unsigned offset, litLength, matchLength, rep}}, 16 bytes) in
 * native memory, as {@code ZSTD_compressSequences} reads it: what a sequence source (the LZ4s converter) writes and
 * libzstd entropy-codes. Its capacity is fixed at creation from the largest request it serves, so a stream can never
 * make it grow; every write is bounds-checked. {@code rep} is always 0 (zstd ignores it for external sequences).
 * Not thread-safe: one request at a time.
 */
public final class Sequences {
    public static final int BYTES = 16;
    /** zstd's largest block ({@code ZSTD_BLOCKSIZE_MAX}): explicit block delimiters come at least this often. */
    public static final int BLOCK_MAX = 128 << 10;

    private final ByteBuffer array;
    private final int capacity;
    private int count;

    /** Room for the sequences of a request of at most {@code maxInputLength} bytes ({@link #capacityFor}). */
    public Sequences(int maxInputLength) {
        this.capacity = capacityFor(maxInputLength);
        this.array = ByteBuffer.allocateDirect(Math.multiplyExact(capacity, BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Entries a parse of {@code inputLength} bytes can need: a match covers at least 3 bytes, and each block of at
     * least {@code BLOCK_MAX - 2} bytes adds a delimiter.
     */
    public static int capacityFor(int inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("input length " + inputLength);
        }
        return inputLength / 3 + 2 * (inputLength / BLOCK_MAX) + 4;
    }

    public int capacity() {
        return capacity;
    }

    public int count() {
        return count;
    }

    public void clear() {
        count = 0;
    }

    /** Appends a match: {@code litLength} literals, then {@code matchLength} bytes from {@code offset} back. */
    public void match(int offset, int litLength, int matchLength) {
        if (offset <= 0 || matchLength < 3 || litLength < 0) {
            throw new IllegalArgumentException("sequence " + offset + "/" + litLength + "/" + matchLength);
        }
        put(offset, litLength, matchLength);
    }

    /** Appends a block delimiter: the block ends after {@code litLength} more literals. */
    public void delimiter(int litLength) {
        if (litLength < 0) {
            throw new IllegalArgumentException("literals " + litLength);
        }
        put(0, litLength, 0);
    }

    private void put(int offset, int litLength, int matchLength) {
        if (count == capacity) {
            throw new IllegalStateException("more than " + capacity + " sequences");
        }
        int at = count * BYTES;
        array.putInt(at, offset).putInt(at + 4, litLength).putInt(at + 8, matchLength).putInt(at + 12, 0);
        count++;
    }

    public int offset(int i) {
        return array.getInt(checked(i) * BYTES);
    }

    public int litLength(int i) {
        return array.getInt(checked(i) * BYTES + 4);
    }

    public int matchLength(int i) {
        return array.getInt(checked(i) * BYTES + 8);
    }

    /** True for a block delimiter (offset and match length both 0). */
    public boolean isDelimiter(int i) {
        return offset(i) == 0 && matchLength(i) == 0;
    }

    private int checked(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("sequence " + i + " of " + count);
        }
        return i;
    }

    /** Native address of the first entry, for libzstd. */
    public long address() {
        return DirectAddress.at(array.duplicate().clear());
    }

    @Override
    public String toString() {
        return count + " sequences (capacity " + capacity + ")";
    }
}
