package io.kqat.tools.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kqat.tools.Kqat;
import org.junit.jupiter.api.Test;

/**
 * {@code kqat doctor}'s zstd part: on the emulator's 4xxx, QAT serves zstd through LZ4s (levels 1-12) and native zstd
 * is absent with qatlib's answer; on this host (no QAT) libzstd serves, with each QAT rung's reason; the same in JSON.
 */
class DoctorZstdTest {

    @Test
    void withTheEmulatorQatServesZstdThroughLz4sAndSaysWhyNotNativeZstd() throws Exception {
        String out = Kqat.run("doctor", "--emulator").exits(0).stdout();
        assertThat(out).containsPattern("(?m)^  zstd       mode auto: level 3 compresses with qat-lz4s, decompresses "
                + "with libzstd$");
        assertThat(out).containsPattern("(?m)^  zstd qat   available: qat-lz4s serves levels 1-12 with LZ4s "
                + "match-finding entropy-coded by libzstd .* on 4xxxvf; qatlib with the mapped region "
                + "\\(qaeMemMapContiguousIova, 26.02\\+\\), region zero-copy; qat-zstd: instance dc0 \\(4xxxvf\\) has no "
                + "zstd compression: cpaDcZstdCompressBound answered UNSUPPORTED$");
        assertThat(out).containsPattern("(?m)^  zstd QAT levels 1-12 \\(QAT's L1-L12\\); negative levels and 13-22 "
                + "stay in libzstd$");
        assertThat(out).containsPattern("(?m)^    qat-zstd +skipped +instance dc0");
        assertThat(out).containsPattern("(?m)^    qat-lz4s +ready +levels 1-12, no decode$");
        assertThat(out).containsPattern("(?m)^    libzstd +ready +levels 1-22, decode$");
        assertThat(out).containsPattern("(?m)^  zstd routes levels -131072..-1: libzstd; levels 1..12: qat-lz4s > "
                + "libzstd; levels 13..22: libzstd; decompress: libzstd$");
        assertThat(out).containsPattern("(?m)^  zstd self test ok \\(256 KiB of JSON events at level 3 through qat-lz4s");

        JsonNode zstd = new ObjectMapper().readTree(Kqat.run("doctor", "--json", "--emulator").exits(0).stdout())
                .get("zstd");
        assertThat(zstd.get("chosen").asText()).isEqualTo("qat-lz4s");
        assertThat(zstd.get("qat").asText()).startsWith("available: qat-lz4s");
        assertThat(zstd.get("ladder")).extracting(r -> r.get("name").asText())
                .containsExactly("qat-zstd", "qat-lz4s", "libzstd");
        assertThat(zstd.get("selfTest").asText()).startsWith("ok");
    }

    @Test
    void withoutQatLibzstdServesAndEachQatRungSaysWhy() {
        String out = Kqat.run("doctor").exits(0).stdout();
        assertThat(out).containsPattern("(?m)^  zstd       mode auto: level 3 compresses with libzstd");
        assertThat(out).containsPattern("(?m)^  zstd qat   not available \\(libzstd serves zstd\\): qat-zstd: .+; "
                + "qat-lz4s: .+");
        assertThat(out).containsPattern("(?m)^  zstd self test ok \\(256 KiB of JSON events at level 3 through libzstd");
    }

    @Test
    void withZstdModeOffKqatDoesNotServeZstdAndSaysSo() {
        String out = Kqat.run("doctor", "--mode", "jdk").exits(0).stdout();
        assertThat(out).containsPattern("(?m)^  zstd       mode off: level 3 compresses with stock, decompresses with "
                + "stock$");
        assertThat(out).containsPattern("(?m)^  zstd qat   not used: zstd.mode off$");
        assertThat(out).containsPattern("(?m)^  zstd self test not run: no zstd rung of kqat is ready");
    }
}
