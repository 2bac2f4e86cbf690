package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check on one device, in order: the device first (a QAT rung must be ready; without one every other check
 * is skipped), then qatlib's rules at their boundaries, then kqat's own behaviour, then the performance figures.
 */
final class DeviceTest {
    private final DeviceUnderTest device;
    private final boolean performance;

    DeviceTest(DeviceUnderTest device, boolean performance) {
        this.device = device;
        this.performance = performance;
    }

    Report run() {
        Report report = new Report(device.describe());
        CheckResult first = runOne(new DeviceCheck());
        report.add(first);
        List<Check> rest = new ArrayList<>(RuleChecks.all());
        rest.addAll(RobustnessChecks.all());
        for (Check c : rest) {
            report.add(first.passed() ? runOne(c) : CheckResult.skip(c.name(), "not run: no QAT device"));
        }
        if (performance && first.passed()) {
            try {
                Throughput.measure(device).forEach(report::add);
            } catch (Exception | AssertionError e) {
                report.add(CheckResult.fail("performance", reason(e)));
            }
        }
        return report;
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
