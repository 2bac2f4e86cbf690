package io.kqat.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ByteSizeTest {
    private final ByteSize size = new ByteSize();

    @Test
    void readsPlainNumbersAndBinarySuffixes() {
        assertThat(size.convert("65536")).isEqualTo(65536L);
        assertThat(size.convert("64k")).isEqualTo(65536L);
        assertThat(size.convert("64KiB")).isEqualTo(65536L);
        assertThat(size.convert("1M")).isEqualTo(1L << 20);
        assertThat(size.convert("2g")).isEqualTo(2L << 30);
        assertThat(size.convert("100b")).isEqualTo(100L);
    }

    @Test
    void refusesWhatIsNotASize() {
        for (String bad : new String[] {"", "k", "1.5M", "-1", "12q", "99999999999999999999", "9000000000000g"}) {
            assertThatThrownBy(() -> size.convert(bad)).as(bad).isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }
}
