package io.kqat.stress.child;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each record's send time (wall clock, ms) and its latency from {@code send()} to acknowledgement (µs; negative: the
 * send failed), by sequence number, for as many records as are sent. Written as {@link #write a file} of
 * {@code long sentMillis, int latencyMicros} per record in sequence order, which {@code SendTimes} reads back; the
 * wall clock is the one the cluster run's event timeline uses.
 */
final class SendLog {
    private static final int CHUNK = 1 << 16;
    /** Chunks are added as records are sent; the directories never grow, so the callback thread reads them safely. */
    private static final int CHUNKS = 1 << 14;
    private final long[][] sentMillis = new long[CHUNKS][];
    private final long[][] sentNanos = new long[CHUNKS][];
    private final int[][] latencyMicros = new int[CHUNKS][];
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int sent;

    /** Notes that record {@code seq} (the next one) is being sent now. */
    void sending(int seq) {
        if (seq % CHUNK == 0) {
            sentMillis[seq / CHUNK] = new long[CHUNK];
            sentNanos[seq / CHUNK] = new long[CHUNK];
            int[] latencies = new int[CHUNK];
            Arrays.fill(latencies, Integer.MIN_VALUE); // never acknowledged
            latencyMicros[seq / CHUNK] = latencies;
        }
        sentMillis[seq / CHUNK][seq % CHUNK] = System.currentTimeMillis();
        sentNanos[seq / CHUNK][seq % CHUNK] = System.nanoTime();
        sent = seq + 1;
    }

    /** Record {@code seq}'s acknowledgement (or failure) came now. */
    void answered(int seq, boolean ok) {
        long micros = (System.nanoTime() - sentNanos[seq / CHUNK][seq % CHUNK]) / 1000;
        int clipped = (int) Math.min(micros, Integer.MAX_VALUE);
        latencyMicros[seq / CHUNK][seq % CHUNK] = ok ? clipped : -clipped - 1;
        (ok ? acked : failed).incrementAndGet();
    }

    int sent() {
        return sent;
    }

    long acked() {
        return acked.get();
    }

    long failed() {
        return failed.get();
    }

    /** Latencies of the records acknowledged, sorted (µs). */
    long[] sortedLatencies() {
        long[] out = new long[sent];
        int n = 0;
        for (int seq = 0; seq < sent; seq++) {
            int micros = latencyMicros[seq / CHUNK][seq % CHUNK];
            if (micros >= 0) {
                out[n++] = micros;
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Writes every record's entry, atomically (a reader sees the whole file or none). */
    void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            for (int seq = 0; seq < sent; seq++) {
                out.writeLong(sentMillis[seq / CHUNK][seq % CHUNK]);
                out.writeInt(latencyMicros[seq / CHUNK][seq % CHUNK]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
