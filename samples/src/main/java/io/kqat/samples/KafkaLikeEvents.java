package io.kqat.samples;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic Kafka-like JSON events (click-stream style, with the field-name and value repetition of real topics)
 * for benchmarks, the demo, the workload programs and tests. The same seed always gives the same bytes, so runs
 * compare side by side: as a stream ({@link #next()}, {@link #fill}), or one record at a time by its index
 * ({@link #record}), which a consumer in another JVM recomputes to check what it reads.
 */
public final class KafkaLikeEvents {
    private static final String[] EVENTS = {"page_view", "click", "add_to_cart", "checkout", "search", "login", "logout"};
    private static final String[] PAGES = {"/", "/home", "/search", "/cart", "/checkout", "/product/detail", "/account/settings"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "okhttp/4.12.0",
    };
    private static final String[] COUNTRIES = {"DE", "US", "FR", "JP", "BR", "IN", "GB", "NL"};

    private static final long START_MILLIS = 1_767_225_600_000L;
    /** Keys repeat over this many values, as keys of real topics do. */
    private static final int KEYS = 10_000;

    private final SplittableRandom random;
    private long sequence;
    private long timestamp = START_MILLIS;

    public KafkaLikeEvents(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next event of this seed's stream as UTF-8 JSON, about 300 to 500 bytes. */
    public byte[] next() {
        sequence++;
        timestamp += random.nextInt(40);
        StringBuilder sb = new StringBuilder(512).append('{');
        return event(sb, random, sequence, timestamp);
    }

    /**
     * Record {@code i} of seed {@code seed} on its own: always the same bytes, whoever asks. It starts with
     * <code>{"seq":i,</code>, so a reader finds its index without parsing JSON.
     */
    public static byte[] record(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        StringBuilder sb = new StringBuilder(512).append("{\"seq\":").append(i).append(',');
        return event(sb, r, i, START_MILLIS + 20 * i);
    }

    /** The key of record {@code i}, one of {@value #KEYS}. */
    public static byte[] key(long i) {
        return ("user-" + (i % KEYS)).getBytes(StandardCharsets.UTF_8);
    }

    /** Newline-separated events filling exactly {@code size} bytes (the last event is cut to fit). */
    public byte[] fill(int size) {
        byte[] out = new byte[size];
        int pos = 0;
        while (pos < size) {
            byte[] e = next();
            int n = Math.min(e.length, size - pos);
            System.arraycopy(e, 0, out, pos, n);
            pos += n;
            if (pos < size) {
                out[pos++] = '\n';
            }
        }
        return out;
    }

    /** The event's fields after what {@code sb} holds, drawn from {@code random}, closed and as UTF-8. */
    private static byte[] event(StringBuilder sb, SplittableRandom random, long sequence, long timestamp) {
        sb.append("\"event_id\":\"").append(Long.toHexString(random.nextLong())).append('-').append(sequence)
                .append("\",\"type\":\"").append(pick(random, EVENTS))
                .append("\",\"ts\":").append(timestamp)
                .append(",\"user\":{\"id\":").append(10_000 + random.nextInt(5_000))
                .append(",\"country\":\"").append(pick(random, COUNTRIES))
                .append("\",\"premium\":").append(random.nextInt(10) == 0)
                .append("},\"session\":\"s-").append(Integer.toHexString(random.nextInt(1 << 20)))
                .append("\",\"page\":\"").append(pick(random, PAGES))
                .append("\",\"referrer\":\"").append(pick(random, PAGES))
                .append("\",\"user_agent\":\"").append(pick(random, AGENTS))
                .append("\",\"latency_ms\":").append(random.nextInt(900))
                .append(",\"items\":[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(100_000 + random.nextInt(900))
                    .append("\",\"qty\":").append(1 + random.nextInt(3))
                    .append(",\"price_cents\":").append(99 + random.nextInt(20_000)).append('}');
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
