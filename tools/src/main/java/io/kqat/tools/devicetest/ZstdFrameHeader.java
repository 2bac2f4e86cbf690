package io.kqat.tools.devicetest;

import java.util.Locale;

/**
 * The header and block layout of one zstd frame (RFC 8878 §3.1.1), as device-test reports what a device writes: whether
 * the content size and checksum are there, single segment or the window it declares, a dictionary id, and its blocks
 * (how many, the largest, which kinds). Only what the format says is read; a frame this cannot walk is refused.
 */
record ZstdFrameHeader(boolean contentSize, boolean singleSegment, long window, boolean checksum, boolean dictionaryId,
                       int blocks, int largestBlock, String kinds) {
    private static final int MAGIC = 0xFD2FB528;

    static ZstdFrameHeader parse(byte[] f) {
        Verify.that(f.length >= 6 && le(f, 0, 4) == (MAGIC & 0xFFFFFFFFL), "the frame does not start with zstd's magic");
        int fhd = f[4] & 0xFF;
        int fcsFlag = fhd >>> 6;
        boolean single = (fhd & 0x20) != 0;
        boolean check = (fhd & 0x04) != 0;
        int dictBytes = new int[] {0, 1, 2, 4}[fhd & 0x03];
        int p = 5;
        long window = 0;
        if (!single) {
            int wd = f[p++] & 0xFF;
            long base = 1L << (10 + (wd >>> 3));
            window = base + base / 8 * (wd & 7);
        }
        p += dictBytes;
        int fcsBytes = new int[] {single ? 1 : 0, 2, 4, 8}[fcsFlag];
        if (single) {
            window = fcsBytes == 0 ? 0 : le(f, p, fcsBytes) + (fcsBytes == 2 ? 256 : 0);
        }
        p += fcsBytes;
        int blocks = 0;
        int largest = 0;
        boolean[] kinds = new boolean[4];
        boolean last = false;
        while (!last) {
            Verify.that(p + 3 <= f.length, "the frame ends inside a block header");
            int h = (int) le(f, p, 3);
            p += 3;
            last = (h & 1) != 0;
            int type = h >>> 1 & 3;
            int size = h >>> 3;
            Verify.that(type != 3, "a reserved block type");
            kinds[type] = true;
            blocks++;
            largest = Math.max(largest, size);
            p += type == 1 ? 1 : size;
        }
        Verify.that(p + (check ? 4 : 0) <= f.length, "the frame ends before its checksum");
        StringBuilder k = new StringBuilder();
        String[] names = {"raw", "RLE", "compressed"};
        for (int t = 0; t < 3; t++) {
            if (kinds[t]) {
                k.append(k.length() == 0 ? "" : "+").append(names[t]);
            }
        }
        return new ZstdFrameHeader(fcsFlag != 0 || single, single, window, check, dictBytes != 0, blocks, largest,
                k.toString());
    }

    /** {@code content size, window 64 KiB, checksum, no dictionary id}: what the header declares. */
    String describe() {
        return String.format(Locale.ROOT, "%s, %s, %s, %s", contentSize ? "content size" : "no content size",
                singleSegment ? "single segment" : "window " + kib(window),
                checksum ? "checksum" : "no checksum", dictionaryId ? "dictionary id" : "no dictionary id");
    }

    static String kib(long bytes) {
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    private static long le(byte[] b, int at, int n) {
        Verify.that(at + n <= b.length, "the frame is cut short in its header");
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (b[at + i] & 0xFF) << (8 * i);
        }
        return v;
    }
}
