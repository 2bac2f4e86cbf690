package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Whether the device answers, per direction, for every copy of kqat in the process. A request that outlives its
 * (short) timeout marks its direction as not answering: from then on requests in that direction are refused at once,
 * as device faults (so the batch goes to the next rung without waiting, and the ladder's breaker of that direction
 * opens), and requests of that direction still waiting give up early. The other direction keeps asking the device
 * until it times out itself. A background probe ({@link HangProbe}), never a producer thread, finds out when a
 * direction answers again.
 */
final class DeviceHealth {
    static final int COMPRESS = 0;
    static final int DECOMPRESS = 1;

    private final AtomicLongArray hungSince;
    private final Runnable startProbe;
    private final String[] reasons = {"", ""};

    /**
     * @param hungSince per direction ({@link #COMPRESS}, {@link #DECOMPRESS}), shared by every class loader (see
     *                  {@link ProcessRuntime}); 0 while that direction answers, else System.nanoTime() of the hang
     */
    DeviceHealth(AtomicLongArray hungSince, Runnable startProbe) {
        this.hungSince = hungSince;
        this.startProbe = startProbe;
    }

    static int direction(boolean compress) {
        return compress ? COMPRESS : DECOMPRESS;
    }

    boolean answering(boolean compress) {
        return hungSince.get(direction(compress)) == 0;
    }

    /** Both directions answer. */
    boolean answering() {
        return answering(true) && answering(false);
    }

    /** Marks the direction as not answering (once per episode) and starts the probe that finds out when it does. */
    void markHung(boolean compress, String why) {
        long now = Math.max(1, System.nanoTime());
        if (hungSince.compareAndSet(direction(compress), 0, now)) {
            reasons[direction(compress)] = why;
        }
        startProbe.run();
    }

    /** A request was given up on while the device answers: the probe polls until its late completion is delivered. */
    void watchLateCompletions() {
        startProbe.run();
    }

    void markAnswering(boolean compress) {
        hungSince.set(direction(compress), 0);
    }

    /**
     * A request of this direction is refused: makes sure a probe runs (whichever copy of kqat marked the device, and
     * whatever became of its probe) and says why, for the exception the request carries.
     */
    String refuse(boolean compress) {
        startProbe.run();
        return refusal(compress);
    }

    /** Why requests of this direction are refused now. */
    String refusal(boolean compress) {
        long since = hungSince.get(direction(compress));
        long ms = since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        return "QAT device not answering " + (compress ? "compression" : "decompression") + " for " + ms + " ms ("
                + reasons[direction(compress)] + "): the next rung serves until a background probe gets an answer";
    }

    @Override
    public String toString() {
        if (answering()) {
            return "answering";
        }
        StringBuilder sb = new StringBuilder("not answering");
        for (boolean compress : new boolean[] {true, false}) {
            if (!answering(compress)) {
                sb.append(compress ? " compression (" : " decompression (").append(reasons[direction(compress)])
                        .append(')');
            }
        }
        return sb.toString();
    }
}
