package io.kqat.tools.bench;

/** One cell of the bench table: a backend at a level, compress and decompress figures on the same input. */
public record BenchResult(String backend, int level, long inputBytes, long compressedBytes,
                          double compressMBps, double decompressMBps, String detail) {

    public double ratio() {
        return compressedBytes == 0 ? 0 : (double) inputBytes / compressedBytes;
    }
}
