package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.engine.LadderCodecFactory;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kafka's own MemoryRecordsBuilder through the hook: aborted batches are not compressed, failing rungs lose nothing. */
class BatchLifecycleTest {

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
    }

    private static List<String> append(MemoryRecordsBuilder builder, int n) {
        KafkaLikeEvents events = new KafkaLikeEvents(n);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = new String(events.next(), StandardCharsets.UTF_8);
            sent.add(value);
            builder.append(1000L + i, ("k" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
        return sent;
    }

    private static MemoryRecordsBuilder gzipBuilder() {
        return MemoryRecords.builder(ByteBuffer.allocate(1 << 16), Compression.gzip().build(), TimestampType.CREATE_TIME, 0L);
    }

    private static List<String> read(MemoryRecords records) {
        List<String> read = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            batch.ensureValid();
            for (Record r : batch) {
                read.add(StandardCharsets.UTF_8.decode(r.value()).toString());
            }
        }
        return read;
    }

    @Test
    void anAbortedBatchIsNeverCompressed() {
        ScriptedProvider counting = new ScriptedProvider("counting", 5);
        GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(counting));
        GzipCodec previous = KafkaGzipHook.swap(codec);
        try {
            MemoryRecordsBuilder aborted = gzipBuilder();
            append(aborted, 300);
            aborted.abort();
            assertThat(counting.backend().deflates().calls()).as("compressions for an aborted batch").isZero();
            assertThat(codec.totals().getCompressBatches()).isZero();

            MemoryRecordsBuilder kept = gzipBuilder();
            List<String> sent = append(kept, 300);
            assertThat(read(kept.build())).isEqualTo(sent);
            assertThat(counting.backend().deflates().calls()).isEqualTo(1);
        } finally {
            KafkaGzipHook.swap(previous);
            codec.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "link", "oom", "runtime"})
    void everyRecordSurvivesRungsThatThrowAtClose(String kind) {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        ScriptedProvider last = new ScriptedProvider("jdk", 100);
        first.backend().deflates().always(Outcome.parse(kind));
        last.backend().deflates().always(Outcome.parse(kind));
        GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first, last));
        GzipCodec previous = KafkaGzipHook.swap(codec);
        try {
            MemoryRecordsBuilder builder = gzipBuilder();
            List<String> sent = append(builder, 2000);
            MemoryRecords built = builder.build();
            assertThat(codec.counters().lastResortBatches()).isEqualTo(1);
            KafkaGzipHook.swap(previous); // read back with a working codec
            assertThat(read(built)).isEqualTo(sent);
        } finally {
            KafkaGzipHook.swap(previous);
            codec.close();
        }
    }
}
