package io.kqat.tools.devicetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kqat device-test --codec zstd} on the emulator: on a 4xxx the LZ4s checks pass with the device's streams
 * described and native zstd is UNSUPPORTED; on a 6xxx both paths pass; without LZ4s either, the whole zstd part is
 * UNSUPPORTED; a device whose QAT zstd rungs do not start fails.
 */
class DeviceTestZstdTest {
    private final EmulatorControl emu = Emulators.control("iova");

    @AfterEach
    void restore() {
        emu.setGeneration("4xxx");
        emu.setCapability("lz4s", true);
        emu.setCapability("cnv", true);
        emu.failRequests(0, 0);
    }

    /** Runs the command; returns {exit code, output}. */
    private static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DeviceTestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return new Object[] {code, out.toString()};
    }

    @Test
    void onA4xxxTheLz4sChecksPassAndNativeZstdIsUnsupported() {
        Object[] r = run("--emulator", "--codec", "zstd", "--no-performance");
        String out = (String) r[1];
        System.out.println(out);
        for (String check : new String[] {"zstd-rungs", "lz4s-frames", "lz4s-shape", "zstd-levels", "zstd-fallback"}) {
            assertThat(out).as(out).containsPattern("(?m)^PASS  " + check + " ");
        }
        assertThat(out).containsPattern("(?m)^PASS  zstd-rungs +level 3 compressed by qat-lz4s; qat-zstd UNSUPPORTED: "
                + ".*4xxx.*cpaDcZstdCompressBound answered UNSUPPORTED; qat-lz4s ready");
        assertThat(out).containsPattern("(?m)^UNSUPPORTED  zstd-native +qat-zstd did not start: .*UNSUPPORTED");
        assertThat(out).containsPattern("(?m)^PASS  lz4s-frames +54 batches .* compressed by qat-lz4s without a copy in, "
                + "every frame read back byte for byte by zstd-jni and libzstd; frames: .*content size");
        // the emulator's default draws "no match" tokens now and then: the carry-over path is seen and described
        assertThat(out).containsPattern("(?m)^PASS  lz4s-shape +45 batches .* \\[1,2\\] \"no match\" tokens [1-9][0-9]* "
                + "\\(offset field 0 in [0-9]+, other values in [0-9]+, largest [0-9]+\\); \\[3\\] answers kept "
                + "uncompressed \\(dataUncompressed\\) 0 .*matches 3 to [0-9]+ bytes .*\\[6\\] largest offset "
                + "[0-9]+ \\(window 32768\\); \\[7\\] longest literal run in one token [0-9]+");
        assertThat(out).doesNotContainPattern("(?m)^(FAIL|SKIP)");
        assertThat(out).contains("RESULT PASS: 5 checks passed, 1 UNSUPPORTED on this device [zstd-native]");
        assertThat(r[0]).isEqualTo(0);
    }

    @Test
    void onA6xxxNativeZstdAndLz4sBothPass() {
        emu.setGeneration("6xxx");
        Object[] r = run("--emulator", "--codec", "zstd", "--no-performance");
        String out = (String) r[1];
        assertThat(out).as(out).containsPattern("(?m)^PASS  zstd-rungs +level 3 compressed by qat-zstd");
        assertThat(out).containsPattern("(?m)^PASS  zstd-native +54 batches .* compressed by qat-zstd .*frames: "
                + ".*checksum");
        assertThat(out).containsPattern("(?m)^PASS  lz4s-frames +54 batches .* compressed by qat-lz4s");
        assertThat(out).containsPattern("(?m)^PASS  lz4s-shape .*\\(window 65536\\)");
        assertThat(out).containsPattern("(?m)^PASS  zstd-levels +levels 1-12 routed to qat-zstd");
        assertThat(out).containsPattern("(?m)^PASS  zstd-fallback +3 requests failed by the device: their batches were "
                + "redone by the next rung \\(qat-zstd > qat-lz4s > libzstd\\)");
        assertThat(out).contains("RESULT PASS: 6 checks passed").doesNotContain("UNSUPPORTED on this device");
        assertThat(r[0]).isEqualTo(0);
    }

    /** Issue 21: host CPU per zstd request on the rung that serves level 3, beside stock zstd-3, the device apart. */
    @Test
    void theFiguresOfA6xxxAreThoseOfNativeZstd() {
        Object[] r = run("--emulator", "--emulated-generation", "6xxx", "--codec", "zstd");
        String out = (String) r[1];
        System.out.println(out);
        assertThat(emu.generation()).isEqualTo("6xxx");
        for (int kib : ZstdThroughput.SIZES_KIB) {
            for (int callers : Throughput.CALLERS) {
                assertThat(out).as(out).containsPattern("perf zstd-3 +" + kib + " KiB batches on qat-zstd: host CPU "
                        + "[0-9.]+ us per request with " + callers + " callers? .*stock zstd-3 [0-9.]+ us per batch on "
                        + "the host .*device [0-9]+ us CPU per request in the emulator's process");
            }
        }
        assertThat(out).doesNotContain("perf  16 KiB batches"); // gzip's figures are not asked for
        assertThat(r[0]).isEqualTo(0);
    }

    @Test
    void anUnknownGenerationIsAUsageError() {
        Object[] r = run("--emulator", "--emulated-generation", "5xxx", "--no-performance");
        assertThat((String) r[1]).contains("--emulated-generation takes 4xxx, 420xx or 6xxx, got '5xxx'");
        assertThat(r[0]).isEqualTo(2);
    }

    @Test
    void withoutLz4sOrNativeZstdEveryZstdCheckIsUnsupportedNotFailed() {
        emu.setCapability("lz4s", false);
        Object[] r = run("--emulator", "--codec", "zstd", "--no-performance");
        String out = (String) r[1];
        assertThat(out).as(out).containsPattern("(?m)^UNSUPPORTED  zstd-rungs +no QAT zstd path here: ");
        assertThat(out).containsPattern("(?m)^UNSUPPORTED  lz4s-frames +qat-lz4s did not start: .*has no LZ4s "
                + "compression: cpaDcLZ4SCompressBound answered UNSUPPORTED");
        assertThat(out).contains("RESULT PASS: 0 checks passed, 6 UNSUPPORTED on this device");
        assertThat(r[0]).isEqualTo(0);
    }

    @Test
    void aDeviceWhoseZstdRungsDoNotStartFailsAndTheRestIsNotRun() {
        emu.setCapability("cnv", false);
        Object[] r = run("--emulator", "--codec", "zstd", "--no-performance");
        String out = (String) r[1];
        assertThat(out).as(out).containsPattern("(?m)^FAIL  zstd-rungs +no QAT zstd rung started: ");
        assertThat(out).containsPattern("(?m)^SKIP  lz4s-frames +not run: no QAT zstd rung started");
        assertThat(out).contains("RESULT FAIL: 6 of 6 checks did not pass");
        assertThat(r[0]).isEqualTo(1);
    }

    @Test
    void anUnknownCodecIsAUsageError() {
        Object[] r = run("--emulator", "--codec", "brotli");
        assertThat(r[0]).isEqualTo(2);
        assertThat((String) r[1]).contains("--codec takes all, gzip or zstd, got 'brotli'");
    }
}
