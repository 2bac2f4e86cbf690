package io.kqat.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One seed, one set of bytes: as a stream, and record by record in any order or JVM. */
class KafkaLikeEventsTest {

    @Test
    void theStreamOfASeedIsTheSameBytesAsInEveryEarlierMeasurement() throws Exception {
        // Digests of fill(1 MiB) as README's measurements generated it (bench seed 42, device-test 1, JMH 2026).
        assertThat(sha256(new KafkaLikeEvents(1).fill(1 << 20)))
                .isEqualTo("db15fbe76f257f3c6c9d72be272f642baab860dc868182124166a793d337660c");
        assertThat(sha256(new KafkaLikeEvents(42).fill(1 << 20)))
                .isEqualTo("3d67537cc9dd2a5bc23239e398ed15ef69e6067b3fa862a23c91decb2fa35f97");
        assertThat(sha256(new KafkaLikeEvents(2026).fill(1 << 20)))
                .isEqualTo("6731003ab2961ff9245515db5860e996b5dc2f9fdcfddac5039b1e730eb555a6");
    }

    @Test
    void aRecordIsTheSameBytesWhoeverAsksInWhateverOrder() {
        byte[] later = KafkaLikeEvents.record(7, 123_456);
        for (long i = 0; i < 1000; i++) {
            KafkaLikeEvents.record(7, i);
        }
        assertThat(KafkaLikeEvents.record(7, 123_456)).isEqualTo(later);
        assertThat(KafkaLikeEvents.record(8, 123_456)).isNotEqualTo(later);
        assertThat(KafkaLikeEvents.record(7, 123_457)).isNotEqualTo(later);
    }

    @Test
    void aRecordStartsWithItsIndexAndIsAnEventLikeTheStreamsOnes() {
        String record = new String(KafkaLikeEvents.record(3, 42), StandardCharsets.UTF_8);
        String streamed = new String(new KafkaLikeEvents(3).next(), StandardCharsets.UTF_8);
        assertThat(record).startsWith("{\"seq\":42,\"event_id\":\"").endsWith("]}").hasSizeBetween(250, 600);
        assertThat(streamed).startsWith("{\"event_id\":\"").endsWith("]}");
        assertThat(fieldNames(record).subList(1, 14)).isEqualTo(fieldNames(streamed).subList(0, 13))
                .startsWith("event_id", "type", "ts", "user").endsWith("items");
        assertThat(new String(KafkaLikeEvents.key(10_042), StandardCharsets.UTF_8)).isEqualTo("user-42");
    }

    private static List<String> fieldNames(String json) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"(\\w+)\":").matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
