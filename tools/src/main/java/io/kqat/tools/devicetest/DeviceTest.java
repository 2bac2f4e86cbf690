package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check on one device, in order: the device first (a QAT rung must be ready; without one every other check
 * is skipped), then qatlib's rules at their boundaries, then kqat's own behaviour, then zstd's checks ({@link
 * ZstdChecks}: the QAT zstd rungs this device has, or UNSUPPORTED), then the performance figures.
 */
final class DeviceTest {
    /** Which codecs' checks run: gzip's, zstd's, or both (the default). */
    enum Codecs { ALL, GZIP, ZSTD }

    private final DeviceUnderTest device;
    private final boolean performance;
    private final Codecs codecs;

    DeviceTest(DeviceUnderTest device, boolean performance) {
        this(device, performance, Codecs.ALL);
    }

    DeviceTest(DeviceUnderTest device, boolean performance, Codecs codecs) {
        this.device = device;
        this.performance = performance;
        this.codecs = codecs;
    }

    Report run() {
        Report report = new Report(device.describe());
        boolean deviceReady = true;
        if (codecs != Codecs.ZSTD) {
            CheckResult first = runOne(new DeviceCheck());
            report.add(first);
            deviceReady = first.passed();
            List<Check> rest = new ArrayList<>(RuleChecks.all());
            rest.addAll(RobustnessChecks.all());
            runAll(rest, deviceReady ? null : "not run: no QAT device", report);
        }
        if (codecs != Codecs.GZIP) {
            CheckResult rungs = deviceReady ? runOne(ZstdChecks.rungs())
                    : CheckResult.skip("zstd-rungs", "not run: no QAT device");
            report.add(rungs);
            runAll(ZstdChecks.all(), !deviceReady ? "not run: no QAT device"
                    : rungs.status() == CheckResult.Status.FAIL ? "not run: no QAT zstd rung started" : null, report);
        }
        if (performance && deviceReady) {
            try {
                double sleepMicros = Throughput.sleepCostMicros();
                double wakeMicros = WakeFloor.measure(2000, 500).cpuMicrosPerWake();
                if (codecs != Codecs.ZSTD) {
                    Throughput.measure(device, sleepMicros, wakeMicros).forEach(report::add);
                }
                String zstdRung = codecs == Codecs.GZIP ? null : ZstdThroughput.rung(device);
                if (zstdRung != null) {
                    ZstdThroughput.measure(device, zstdRung, wakeMicros).forEach(report::add);
                }
            } catch (Exception | AssertionError e) {
                report.add(CheckResult.fail("performance", reason(e)));
            }
        }
        return report;
    }

    /** Runs each check, or skips each with {@code skipped} as the reason when that is not null. */
    private void runAll(List<Check> checks, String skipped, Report report) {
        for (Check c : checks) {
            report.add(skipped == null ? runOne(c) : CheckResult.skip(c.name(), skipped));
        }
    }

    private CheckResult runOne(Check check) {
        try {
            return check.run(device);
        } catch (Exception | AssertionError | LinkageError e) {
            return CheckResult.fail(check.name(), reason(e));
        }
    }

    private static String reason(Throwable e) {
        return e instanceof AssertionError ? e.getMessage() : e.toString();
    }

    /** A QAT rung is ready on this device: which, in which mode, on what. */
    private static final class DeviceCheck implements Check {
        @Override
        public String name() {
            return "device";
        }

        @Override
        public CheckResult run(DeviceUnderTest device) {
            try (GzipCodec codec = device.codec()) {
                BackendStatus qat = DeviceUnderTest.qatRung(codec);
                if (qat == null) {
                    return CheckResult.fail(name(), "no QAT rung is ready. qat: " + codec.backend("qat").skipReason()
                            + "; qat-pinned: " + codec.backend("qat-pinned").skipReason());
                }
                return CheckResult.pass(name(), qat.name() + " (" + qat.mode() + "): " + qat.detail().summary());
            }
        }
    }
}
