package io.kqat.tools.bench;

/** One cell of the bench table: a backend at a level, compress and decompress figures on the same input. */
public record BenchResult(String backend, int level, long inputBytes, long compressedBytes,
                          double compressMBps, double decompressMBps, String mode, long compressInputCopied,
                          long compressInputBytes) {

    /** Share of the uncompressed input the host copied into device memory (-1 when the backend has no device). */
    public double copiedShare() {
        return compressInputBytes <= 0 ? -1 : (double) compressInputCopied / compressInputBytes;
    }

    public double ratio() {
        return compressedBytes == 0 ? 0 : (double) inputBytes / compressedBytes;
    }
}
