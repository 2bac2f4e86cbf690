package io.kqat.tools.devicetest;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.Emulators;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kqat device-test}: the first command to run on a machine with QAT before rollout, and the output to attach to
 * a support ticket. One line per check (PASS or FAIL, and why) over each qatlib rule at its boundary and kqat's own
 * behaviour on the device, then host CPU per request (callers and kqat's threads; the device's own work apart),
 * latency and throughput at 16, 64, 256 and 1024 KiB with one and with four callers. Exit code 0 only when every
 * check passes.
 */
@Command(name = "device-test", mixinStandardHelpOptions = true,
        description = {"Checks a QAT device and qatlib against every rule kqat relies on, for gzip and for zstd (LZ4s "
                + "and native zstd frames read back by zstd-jni and libzstd; what the device's LZ4s looks like), then "
                + "measures throughput and host CPU per request. Exit code 0 only when every check passes or is "
                + "UNSUPPORTED (a path this device has not)."},
        exitCodeOnExecutionException = 1)
public final class DeviceTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--emulator", arity = "0..1", fallbackValue = "iova", paramLabel = "VARIANT",
            description = "Run on kqat's QAT emulator instead of the system qatlib (iova, iova-26.02, legacy or v3; "
                    + "default iova).")
    String emulator;

    @Option(names = "--emulated-generation", paramLabel = "GEN",
            description = "With --emulator: the QAT generation it emulates, 4xxx (the default), 420xx or 6xxx (native "
                    + "zstd).")
    String generation;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--no-performance", description = "Skip the throughput and host-CPU figures.")
    boolean skipPerformance;

    @Option(names = "--codec", paramLabel = "CODEC", defaultValue = "all",
            description = "Whose checks to run: all (the default), gzip, or zstd (the QAT zstd rungs: LZ4s on "
                    + "4xxx/420xx, native zstd on 6xxx; UNSUPPORTED where the device has no such path).")
    String codec;

    @Override
    public Integer call() {
        // The emulator deflates with zlib on the host's CPUs, far slower than a device: generous timeouts there.
        UnaryOperator<CodecConfig.Builder> options = emulator == null ? UnaryOperator.identity()
                : b -> b.set(KqatSettings.QAT_TIMEOUT_MS, 5000L).set(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, 500L);
        DeviceUnderTest device = new DeviceUnderTest(emulator == null ? null : emulatorDir(emulator), options);
        if (generation != null) {
            emulate(device, generation);
        }
        Report report = new DeviceTest(device, !skipPerformance, codecs()).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        return report.passed() ? 0 : 1;
    }

    private DeviceTest.Codecs codecs() {
        try {
            return DeviceTest.Codecs.valueOf(codec.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--codec takes all, gzip or zstd, got '" + codec + "'");
        }
    }

    private void emulate(DeviceUnderTest device, String gen) {
        if (!device.emulated()) {
            throw new ParameterException(spec.commandLine(), "--emulated-generation needs --emulator");
        }
        try {
            device.emulator().setGeneration(gen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--emulated-generation takes 4xxx, 420xx or 6xxx, got '"
                    + gen + "'");
        }
    }

    private Path emulatorDir(String variant) {
        try {
            return Emulators.dir(variant, Emulators.VARIANTS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), "--emulator " + e.getMessage());
        }
    }
}
