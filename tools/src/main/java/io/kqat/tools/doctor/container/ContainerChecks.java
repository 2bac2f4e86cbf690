package io.kqat.tools.doctor.container;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.QatOptions;
import java.util.ArrayList;
import java.util.List;

/** The checks {@code kqat doctor} runs on the container or machine it is in, in the order it prints them. */
public final class ContainerChecks {
    private static final List<ContainerCheck> CHECKS = List.of(new UserCheck(), new VfioAccessCheck(),
            new MemlockCheck(), new QatPolicyCheck(), new HugePagesCheck(), new InstancesCheck());

    private ContainerChecks() {
    }

    /** Every check, for this process and the codec's settings and ladder. */
    public static List<CheckResult> run(GzipCodec codec, int threads) {
        QatOptions qat = QatOptions.from(codec.config());
        long instances = codec.backends().stream().filter(b -> b.device() && b.ready()).findFirst()
                .map(b -> b.detail().figure("instances")).orElse(-1L);
        return run(Host.system(), new CheckContext(codec.config().get(KqatSettings.QAT_REGION_BYTES), qat.vfioDir(),
                qat.sysfsRoot(), instances, threads, qat.emulator() != null));
    }

    public static List<CheckResult> run(Host host, CheckContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (ContainerCheck c : CHECKS) {
            try {
                results.add(c.check(host, context));
            } catch (RuntimeException e) {
                results.add(CheckResult.info(c.id(), "the check could not run: " + e));
            }
        }
        return results;
    }

    /** The ids of every check, in order. */
    public static List<String> ids() {
        return CHECKS.stream().map(ContainerCheck::id).toList();
    }
}
