package io.kqat.tools.devicetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kqat device-test} against the emulator: every check passes on a conforming device (gzip's and zstd's; native
 * zstd UNSUPPORTED on its 4xxx), and one that lacks CnV fails.
 */
class DeviceTestCommandTest {
    private static final List<String> CHECKS = List.of("device", "capabilities", "flats-255", "flats-256", "inflate-limit",
            "incompressible", "levels", "multi-member", "cut-short", "map-unmap", "threads", "timeout", "fallback",
            "zstd-rungs", "lz4s-frames", "lz4s-shape", "zstd-levels", "zstd-fallback");
    /** The emulator's default device is a 4xxx: it has no native zstd. */
    private static final List<String> UNSUPPORTED = List.of("zstd-native");

    /** Runs the command; returns {exit code, output}. */
    private static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DeviceTestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Object[] {code, out + err.toString()};
    }

    @Test
    void everyCheckPassesOnTheEmulatorAndTheFiguresArePrinted() {
        Object[] r = run("--emulator");
        String out = (String) r[1];
        System.out.println(out);
        for (String check : CHECKS) {
            assertThat(out).as(out).containsPattern("(?m)^PASS  " + check + " ");
        }
        assertThat(out).doesNotContainPattern("(?m)^(FAIL|SKIP)");
        for (int kib : Throughput.SIZES_KIB) {
            assertThat(out).containsPattern("perf +" + kib + " KiB batches: host CPU [0-9.]+ us per request");
            for (int callers : Throughput.CALLERS) {
                assertThat(out).containsPattern("perf +" + kib + " KiB batches: host CPU [0-9.]+ us per request with "
                        + callers + " callers? \\(callers [0-9.]+ \\+ kqat threads [0-9.]+;.*a bare wake-up costs [0-9.]+ us "
                        + "here\\), latency [0-9]+ us; device "
                        + "[0-9]+ us CPU per request in the emulator's process");
            }
        }
        for (int kib : ZstdThroughput.SIZES_KIB) {
            for (int callers : Throughput.CALLERS) {
                assertThat(out).containsPattern("perf zstd-3 +" + kib + " KiB batches on qat-lz4s: host CPU [0-9.]+ us "
                        + "per request with " + callers + " callers? .*stock zstd-3 [0-9.]+ us per batch on the host "
                        + ".*device [0-9]+ us CPU per request in the emulator's process");
            }
        }
        for (String check : UNSUPPORTED) {
            assertThat(out).containsPattern("(?m)^UNSUPPORTED  " + check + " ");
        }
        assertThat(out).contains("RESULT PASS: " + CHECKS.size() + " checks passed, 1 UNSUPPORTED on this device "
                + UNSUPPORTED);
        assertThat(r[0]).isEqualTo(0);
    }

    @Test
    void aDeviceWithoutCompressAndVerifyFailsAndTheRestIsNotRun() {
        EmulatorControl emu = Emulators.control("iova");
        emu.setCapability("cnv", false);
        try {
            Object[] r = run("--emulator", "--no-performance");
            String out = (String) r[1];
            assertThat(out).containsPattern("(?m)^FAIL  device +no QAT rung is ready.*compress-and-verify");
            assertThat(out).containsPattern("(?m)^SKIP  flats-255 ");
            int all = CHECKS.size() + UNSUPPORTED.size();
            assertThat(out).contains("RESULT FAIL: " + all + " of " + all);
            assertThat(out).containsPattern("(?m)^SKIP  lz4s-frames +not run: no QAT device");
            assertThat(r[0]).isEqualTo(1);

            Object[] json = run("--emulator", "--no-performance", "--json");
            assertThat((String) json[1]).contains("\"name\": \"device\", \"status\": \"FAIL\"")
                    .contains("\"result\": \"FAIL\"");
            assertThat(json[0]).isEqualTo(1);
        } finally {
            emu.setCapability("cnv", true);
        }
    }

    @Test
    void anUnknownEmulatorVariantIsAUsageError() {
        Object[] r = run("--emulator=warp");
        assertThat(r[0]).isEqualTo(2);
        assertThat((String) r[1]).contains("--emulator takes iova, iova-26.02, legacy or v3");
    }
}
