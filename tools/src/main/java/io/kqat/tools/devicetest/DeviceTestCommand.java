package io.kqat.tools.devicetest;

import io.kqat.codec.backend.qat.QatOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kqat device-test}: the first command to run on a machine with QAT before rollout, and the output to attach to
 * a support ticket. One line per check (PASS or FAIL, and why) over each qatlib rule at its boundary and kqat's own
 * behaviour on the device, then throughput and host CPU per request at 16, 64 and 256 KiB. Exit code 0 only when
 * every check passes.
 */
@Command(name = "device-test", mixinStandardHelpOptions = true,
        description = {"Checks a QAT device and qatlib against every rule kqat relies on, then measures throughput "
                + "and host CPU per request. Exit code 0 only when every check passes."},
        exitCodeOnExecutionException = 1)
public final class DeviceTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--emulator", arity = "0..1", fallbackValue = "iova", paramLabel = "VARIANT",
            description = "Run on kqat's QAT emulator instead of the system qatlib (iova, legacy or v3; default iova).")
    String emulator;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--no-performance", description = "Skip the throughput and host-CPU figures.")
    boolean skipPerformance;

    @Override
    public Integer call() {
        // The emulator deflates with zlib on the host's CPUs, far slower than a device: generous timeouts there.
        Map<String, String> options = emulator == null ? Map.of()
                : Map.of(QatOptions.TIMEOUT_MS, "5000", QatOptions.TIMEOUT_PER_MIB_MS, "500");
        DeviceUnderTest device = new DeviceUnderTest(emulator == null ? null : emulatorDir(emulator), options);
        Report report = new DeviceTest(device, !skipPerformance).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        return report.passed() ? 0 : 1;
    }

    /** {@code <kqat.emulator.dir>/<variant>}, as the launcher and the build set it. */
    private Path emulatorDir(String variant) {
        if (!variant.equals("iova") && !variant.equals("legacy") && !variant.equals("v3")) {
            throw new ParameterException(spec.commandLine(), "--emulator takes iova, legacy or v3, got '" + variant + "'");
        }
        String base = System.getProperty("kqat.emulator.dir");
        if (base == null) {
            throw new ParameterException(spec.commandLine(), "--emulator needs -Dkqat.emulator.dir (./kqat sets it)");
        }
        Path dir = Paths.get(base, variant);
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "the QAT emulator is not built at " + dir
                    + " (run: mvn -B -ntp package -DskipTests)");
        }
        return dir;
    }
}
