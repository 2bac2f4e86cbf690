package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the device answers, for every copy of kqat in the process. A request that outlives its (short) timeout marks
 * the device as not answering: from then on requests are refused at once, as device faults (so the batch goes to the
 * next rung without waiting, and the ladder's breaker opens), and requests still waiting give up early. A background
 * probe ({@link HangProbe}), never a producer thread, finds out when the device answers again.
 */
final class DeviceHealth {
    private final AtomicLong hungSince;
    private final Runnable startProbe;
    private volatile String reason = "";

    /** @param hungSince shared by every class loader (see {@link ProcessRuntime}); 0 while the device answers */
    DeviceHealth(AtomicLong hungSince, Runnable startProbe) {
        this.hungSince = hungSince;
        this.startProbe = startProbe;
    }

    boolean answering() {
        return hungSince.get() == 0;
    }

    /** Marks the device as not answering (once per episode) and starts the probe that will find out when it does. */
    void markHung(String why) {
        long now = Math.max(1, System.nanoTime());
        if (hungSince.compareAndSet(0, now)) {
            reason = why;
        }
        startProbe.run();
    }

    void markAnswering() {
        hungSince.set(0);
    }

    /** Why requests are refused now, for the exception every refused request carries. */
    String refusal() {
        long since = hungSince.get();
        long ms = since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        return "QAT device not answering for " + ms + " ms (" + reason + "): the next rung serves until a background "
                + "probe gets an answer";
    }

    @Override
    public String toString() {
        return answering() ? "answering" : "not answering (" + reason + ")";
    }
}
