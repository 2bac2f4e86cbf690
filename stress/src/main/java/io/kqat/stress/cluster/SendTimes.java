package io.kqat.stress.cluster;

import io.kqat.stress.child.Latencies;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The producer's send log read back ({@code long sentMillis, int latencyMicros} per record in sequence order; a
 * negative latency is a failed send, {@link Integer#MIN_VALUE} one never answered): which records were in flight
 * during a window, and their latencies.
 */
final class SendTimes {
    private static final int NEVER_ANSWERED = Integer.MIN_VALUE;
    private final long[] sentMillis;
    private final int[] latencyMicros;

    SendTimes(long[] sentMillis, int[] latencyMicros) {
        this.sentMillis = sentMillis;
        this.latencyMicros = latencyMicros;
    }

    static SendTimes read(Path file) {
        try {
            int records = Math.toIntExact(Files.size(file) / 12);
            long[] sent = new long[records];
            int[] latency = new int[records];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (int i = 0; i < records; i++) {
                    sent[i] = in.readLong();
                    latency[i] = in.readInt();
                }
            }
            return new SendTimes(sent, latency);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int records() {
        return sentMillis.length;
    }

    /** Whether record {@code seq} was in flight (sent, not yet answered) at some moment of {@code w}. */
    boolean inFlight(int seq, Window w) {
        if (seq < 0 || seq >= sentMillis.length) {
            return false;
        }
        int micros = latencyMicros[seq];
        long latencyMillis = micros == NEVER_ANSWERED ? Long.MAX_VALUE / 2 : (micros >= 0 ? micros : -(micros + 1)) / 1000;
        return w.inFlight(sentMillis[seq], latencyMillis);
    }

    /** The records in flight during {@code w}: how many, how many acknowledged, and the acknowledged ones' latencies. */
    Flight flight(Window w) {
        long[] latencies = new long[sentMillis.length];
        int inFlight = 0;
        int acked = 0;
        for (int seq = 0; seq < sentMillis.length; seq++) {
            if (inFlight(seq, w)) {
                inFlight++;
                if (latencyMicros[seq] >= 0) {
                    latencies[acked++] = latencyMicros[seq];
                }
            }
        }
        long[] sorted = Arrays.copyOf(latencies, acked);
        Arrays.sort(sorted);
        return new Flight(inFlight, acked, sorted);
    }

    /** The records in flight during one window. */
    record Flight(int records, int acked, long[] sortedMicros) {
        String p50() {
            return Latencies.ms(sortedMicros, 0.50);
        }

        String p99() {
            return Latencies.ms(sortedMicros, 0.99);
        }

        String max() {
            return Latencies.ms(sortedMicros, 1.0);
        }
    }
}
