package io.kqat.tools.bench.file;

/**
 * One whole-file run: a tool compressing the file, or decompressing one gzip of it, timed from start to end.
 *
 * @param input what was decompressed (null for compress runs)
 * @param plainBytes the file's size (read by compress, written by decompress)
 * @param gzipBytes the compressed size (written by compress, read by decompress)
 * @param seconds wall time, NaN when the run failed
 * @param note why it failed, or a remark; empty when there is none
 */
public record FileRun(String direction, int level, String input, String tool, boolean kqat, long plainBytes,
                      long gzipBytes, double seconds, String note) {
    public static final String COMPRESS = "compress";
    public static final String DECOMPRESS = "decompress";

    public boolean compresses() {
        return direction.equals(COMPRESS);
    }

    public boolean ok() {
        return !Double.isNaN(seconds);
    }

    /** MB/s of uncompressed data, either way. */
    public double megabytesPerSecond() {
        return ok() ? plainBytes / 1e6 / seconds : Double.NaN;
    }

    public double ratio() {
        return gzipBytes <= 0 ? Double.NaN : (double) plainBytes / gzipBytes;
    }
}
