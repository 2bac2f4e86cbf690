package io.kqat.testkit;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic Kafka-like JSON events (click-stream style, with the field-name and value repetition of real topics)
 * for benchmarks, the demo and tests. The same seed always gives the same bytes, so runs compare side by side.
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

    private final SplittableRandom random;
    private long sequence;
    private long timestamp = 1_767_225_600_000L;

    public KafkaLikeEvents(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next event as UTF-8 JSON, about 300 to 500 bytes. */
    public byte[] next() {
        sequence++;
        timestamp += random.nextInt(40);
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"event_id\":\"").append(Long.toHexString(random.nextLong())).append('-').append(sequence)
                .append("\",\"type\":\"").append(pick(EVENTS))
                .append("\",\"ts\":").append(timestamp)
                .append(",\"user\":{\"id\":").append(10_000 + random.nextInt(5_000))
                .append(",\"country\":\"").append(pick(COUNTRIES))
                .append("\",\"premium\":").append(random.nextInt(10) == 0)
                .append("},\"session\":\"s-").append(Integer.toHexString(random.nextInt(1 << 20)))
                .append("\",\"page\":\"").append(pick(PAGES))
                .append("\",\"referrer\":\"").append(pick(PAGES))
                .append("\",\"user_agent\":\"").append(pick(AGENTS))
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

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
