package io.kqat.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The e2e rows' names: stock, kqat and QAT rows for gzip and for zstd, each with its level and counters' prefix. */
class E2eRowTest {

    @Test
    void zstdRowsCarryTheirLevelAndReadKqatsZstdCounters() {
        assertThat(E2eRow.parse("zstd")).isEqualTo(new E2eRow("zstd", "zstd", 0, false, false));
        assertThat(E2eRow.parse("zstd-7")).isEqualTo(new E2eRow("zstd-7", "zstd", 7, false, false));
        assertThat(E2eRow.parse("kqat-zstd-3")).isEqualTo(new E2eRow("kqat-zstd-3", "zstd", 3, true, false));
        E2eRow qat = E2eRow.parse("qat-zstd-12");
        assertThat(qat).isEqualTo(new E2eRow("qat-zstd-12", "zstd", 12, true, true));
        assertThat(qat.kqatPrefix()).isEqualTo("kqat.zstd.");
        assertThat(qat.side()).isEqualTo("qat");
        assertThat(E2eRow.parse("qat-gzip-6").kqatPrefix()).isEqualTo("kqat.");
        assertThat(E2eRow.DEFAULT).contains("kqat-zstd-3", "qat-zstd-3", "zstd", "lz4", "gzip-6");
        assertThatThrownBy(() -> E2eRow.parse("zstd-23")).hasMessageContaining("zstd-1..22");
        assertThatThrownBy(() -> E2eRow.parse("gzip-10")).hasMessageContaining("gzip-1..9");
    }
}
