package io.kqat.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.local.e2e.DatasetRecords;
import io.kqat.local.e2e.PublicDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a dataset file becomes Kafka record values, and the public dataset the measurements use. */
class DatasetRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aJsonArrayGivesOneRecordPerElementAsWrittenInTheFile() throws IOException {
        Path file = write("[{\"name\":\"a,b}\",\"n\":[1,{\"x\":\"]\"}]} , {\"name\":\"S\\\"ão\"},\n \"text\", 12 ]");
        assertThat(strings(DatasetRecords.read(file))).containsExactly(
                "{\"name\":\"a,b}\",\"n\":[1,{\"x\":\"]\"}]}", "{\"name\":\"S\\\"ão\"}", "\"text\"", "12");
    }

    @Test
    void otherFilesGiveOneRecordPerNonEmptyLine() throws IOException {
        Path file = write("GET /a 200\r\n\nPOST /b 500\n{\"k\":1}");
        assertThat(strings(DatasetRecords.read(file))).containsExactly("GET /a 200", "POST /b 500", "{\"k\":1}");
    }

    @Test
    void aByteBoundKeepsWholeRecordsFromTheStart() throws IOException {
        Path file = write("aaaa\nbbbb\ncccc\n");
        assertThat(strings(DatasetRecords.read(file, 9))).containsExactly("aaaa", "bbbb");
        assertThat(strings(DatasetRecords.read(file, 2))).containsExactly("aaaa");
    }

    @Test
    void brokenOrEmptyInputIsRefusedWithAReason() throws IOException {
        assertThatThrownBy(() -> DatasetRecords.read(write("[{\"a\":1}, {\"b\":")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> DatasetRecords.read(write("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no records");
    }

    @Test
    void thePublicDatasetIsTheGeoNamesCitiesChecksummed() {
        List<byte[]> records = DatasetRecords.read(PublicDataset.file());
        assertThat(records).hasSize(171_075);
        assertThat(new String(records.get(0), StandardCharsets.UTF_8)).startsWith("{\"name\":").contains("\"country\":\"AD\"");
        double mean = records.stream().mapToInt(r -> r.length).average().orElse(0);
        assertThat(mean).isBetween(90.0, 110.0);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("data-" + System.nanoTime()), text, StandardCharsets.UTF_8);
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }
}
