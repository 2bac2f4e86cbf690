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

    /** Issue 21: the native zstd rung needs a 6xxx: qat6-zstd-N runs its clients and broker on an emulated one. */
    @Test
    void qat6RowsRunOnAnEmulated6xxxAndMustUseTheNativeZstdRung() {
        E2eRow gen6 = E2eRow.parse("qat6-zstd-3");
        assertThat(gen6).isEqualTo(new E2eRow("qat6-zstd-3", "zstd", 3, true, true, "6xxx"));
        assertThat(gen6.side()).isEqualTo("qat6");
        assertThat(gen6.environment()).containsExactly(java.util.Map.entry("KQAT_EMU_GEN", "6xxx"));
        assertThat(gen6.qatRung()).isEqualTo("qat-zstd:");
        E2eRow gen4 = E2eRow.parse("qat-zstd-3");
        assertThat(gen4.generation()).isEqualTo("4xxx");
        assertThat(gen4.environment()).containsExactly(java.util.Map.entry("KQAT_EMU_GEN", "4xxx"));
        assertThat(gen4.side()).isEqualTo("qat");
        assertThat(E2eRow.parse("kqat-zstd-3").environment()).isEmpty();
        assertThat(E2eRow.parse("zstd-3").generation()).isNull();
        assertThatThrownBy(() -> E2eRow.parse("qat6-gzip-6")).hasMessageContaining("qat6-zstd-1..22");
    }
}
