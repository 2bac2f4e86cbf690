package io.kqat.codec.backend.qat.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What one QAT rung counts beyond the ladder's counters: why requests were declined, how the device behaved. */
public final class QatCounters {
    private final LongAdder requests = new LongAdder();
    /** Batches over one request (255 flat buffers for input or the device's bound), declined without penalty. */
    private final LongAdder overRequest = new LongAdder();
    /** Compressions that overflowed the device's own bound (should never happen). */
    private final LongAdder overflows = new LongAdder();
    /** Deflate data the device rejected, or a stream cut short: software decides, no penalty. */
    private final LongAdder rejected = new LongAdder();
    private final LongAdder incomplete = new LongAdder();
    /** Requests that outlived their timeout (each marks the device as not answering). */
    private final LongAdder timeouts = new LongAdder();
    /** Requests refused at once while the device did not answer. */
    private final LongAdder refusedWhileHung = new LongAdder();

    void countRequest() {
        requests.increment();
    }

    /** A batch over one request, declined. */
    public void countOverRequest() {
        overRequest.increment();
    }

    public void countOverflow() {
        overflows.increment();
    }

    /** Deflate data the device rejected. */
    public void countRejected() {
        rejected.increment();
    }

    /** A stream the device found cut short. */
    public void countIncomplete() {
        incomplete.increment();
    }

    void countTimeout() {
        timeouts.increment();
    }

    void countRefusedWhileHung() {
        refusedWhileHung.increment();
    }

    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("requests", requests.sum());
        f.put("declinedOverRequest", overRequest.sum());
        f.put("overflows", overflows.sum());
        f.put("rejectedData", rejected.sum());
        f.put("incompleteStreams", incomplete.sum());
        f.put("timeouts", timeouts.sum());
        f.put("refusedWhileHung", refusedWhileHung.sum());
        return f;
    }

    public String summary() {
        return requests.sum() + " requests, " + overRequest.sum() + " batches over one request declined, "
                + timeouts.sum() + " timeouts, " + refusedWhileHung.sum() + " refused while the device did not answer, "
                + overflows.sum() + " overflows, " + (rejected.sum() + incomplete.sum()) + " inputs left to software";
    }

    public void reset() {
        for (LongAdder a : new LongAdder[] {requests, overRequest, overflows, rejected, incomplete, timeouts,
            refusedWhileHung}) {
            a.reset();
        }
    }
}
