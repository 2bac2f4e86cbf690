package io.kqat.tools.doctor.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.tools.doctor.container.CheckResult.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each container check on a machine made of files: what it finds, what a problem costs, the fixes it names. */
class ContainerChecksTest {
    private static final long IPC_LOCK = 1L << 14;
    @TempDir
    Path root;

    private FakeHost host() {
        return new FakeHost(root);
    }

    @Test
    void memlockBelowTheRegionAndItsVfsIsAProblemWithEachDeploymentsFix() {
        CheckResult r = host().limits("65536").vfio(true, "12").run(new MemlockCheck());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.found()).contains("65536 bytes").contains("83886080 bytes"); // 64 MiB + 16 MiB for one VF
        assertThat(r.problem()).contains("qaeMemMapContiguousIova returns 0");
        assertThat(r.fix().kubernetes()).contains("ulimits.noderesource.dev/container.", "LimitMEMLOCK=infinity",
                "default_ulimits", "only for a container running as root", "--ulimit memlock=83886080:83886080");
        assertThat(r.fix().bareMetal()).contains("kafka - memlock 81920", "LimitMEMLOCK=80M");
    }

    @Test
    void memlockIsFineUnlimitedAboveTheNeedOrWithIpcLockInTheInitialNamespace() {
        assertThat(host().run(new MemlockCheck()).status()).isEqualTo(Status.OK);
        assertThat(host().limits("134217728").run(new MemlockCheck()).status()).isEqualTo(Status.OK);
        CheckResult root = host().limits("65536").status(0, IPC_LOCK).run(new MemlockCheck());
        assertThat(root.status()).isEqualTo(Status.OK);
        assertThat(root.found()).contains("CAP_IPC_LOCK is effective");
    }

    @Test
    void ipcLockInAUserNamespaceDoesNotLiftTheLimit() {
        CheckResult r = host().limits("65536").status(0, IPC_LOCK)
                .file("/proc/self/uid_map", "         0     100000      65536").run(new MemlockCheck());
        assertThat(r.status()).isEqualTo(Status.WARN);
    }

    @Test
    void noVfioGroupMeansNoDeviceWithHowToPassOneIn() {
        CheckResult r = host().run(new VfioAccessCheck());
        assertThat(r.status()).isEqualTo(Status.INFO);
        assertThat(r.fix().kubernetes()).contains("qat.intel.com/dc: 1");
        assertThat(r.fix().bareMetal()).contains("vfio-pci");
    }

    @Test
    void aNodeTheCgroupDeniesIsAProblemWhoseFixIsTheDevicePlugin() {
        CheckResult r = host().vfio(true, "12").openFails("12", "Operation not permitted").run(new VfioAccessCheck());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.found()).contains("12: Operation not permitted");
        assertThat(r.fix().kubernetes()).contains("device plugin", "never from a hostPath volume");
        assertThat(r.fix().bareMetal()).contains("DeviceAllow=char-vfio rw");
    }

    @Test
    void aNodeThisUserMayNotOpenNamesDeviceOwnershipFromTheSecurityContext() {
        CheckResult r = host().vfio(true, "12").openFails("12", "Permission denied").run(new VfioAccessCheck());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.fix().kubernetes()).contains("device_ownership_from_security_context = true");
        assertThat(r.fix().bareMetal()).contains("usermod -a -G qat");
    }

    @Test
    void cgroupV1RulesThatLeaveTheDeviceOutAreReported() {
        CheckResult r = host().vfio(true, "12").file("/sys/fs/cgroup/devices/devices.list", "c 1:3 rwm\nc 10:196 rwm")
                .run(new VfioAccessCheck());
        assertThat(r.found()).contains("cgroup v1 device rules: c 1:3 rwm, c 10:196 rwm");
        CgroupDevices rules = CgroupDevices.of(host().file("/sys/fs/cgroup/devices/devices.list", "c 10:196 rwm\nc 241:* rw")
                .host());
        assertThat(rules.allows(10, 196)).isTrue();
        assertThat(rules.allows(241, 7)).isTrue();
        assertThat(rules.allows(242, 0)).isFalse();
        assertThat(CgroupDevices.of(host().file("/sys/fs/cgroup/devices/devices.list", "a *:* rwm").host())
                .allows(242, 0)).isTrue();
    }

    @Test
    void aGroupAnotherProcessHoldsIsNoProblemNoIommuAndAMissingContainerNodeAre() {
        CheckResult busy = host().vfio(true, "12").openFails("12", "Device or resource busy").run(new VfioAccessCheck());
        assertThat(busy.status()).isEqualTo(Status.OK);
        assertThat(busy.found()).contains("held by another process");
        CheckResult noIommu = host().vfio(true, "noiommu-0").run(new VfioAccessCheck());
        assertThat(noIommu.status()).isEqualTo(Status.WARN);
        assertThat(noIommu.problem()).contains("no zero-copy");
        assertThat(new FakeHost(root.resolve("other")).vfio(false, "12").run(new VfioAccessCheck()).problem())
                .contains("container node");
    }

    @Test
    void qatPolicyUnsetIsFineZeroOrMoreThanTheVisibleVfsIsFatal() {
        assertThat(host().vfio(true, "12").run(new QatPolicyCheck()).status()).isEqualTo(Status.OK);
        CheckResult zero = host().vfio(true, "12").env("QAT_POLICY", "0").run(new QatPolicyCheck());
        assertThat(zero.status()).isEqualTo(Status.FAIL);
        assertThat(zero.problem()).contains("QAT_POLICY=0 is not valid without qatmgr");
        assertThat(zero.fix().kubernetes()).contains("QAT_POLICY: \"1\"", "qat.intel.com/dc: 1");
        CheckResult tooMany = host().env("QAT0", "0000:6b:00.1").env("QAT1", "0000:6b:00.2").env("QAT_POLICY", "3")
                .run(new QatPolicyCheck());
        assertThat(tooMany.status()).isEqualTo(Status.FAIL);
        assertThat(tooMany.problem()).contains("asks for 3 VFs and finds 2");
        assertThat(tooMany.found()).contains("device plugin: 0000:6b:00.1, 0000:6b:00.2");
        assertThat(host().env("QAT0", "a").env("QAT1", "b").env("QAT_POLICY", "2").run(new QatPolicyCheck()).status())
                .isEqualTo(Status.OK);
        assertThat(host().env("QAT_POLICY", "two").run(new QatPolicyCheck()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void withQatmgrRunningQatPolicyIsNotUsed() {
        CheckResult r = host().file("/run/qat/qatmgr.sock", "").env("QAT_POLICY", "0").run(new QatPolicyCheck());
        assertThat(r.status()).isEqualTo(Status.INFO);
        assertThat(r.found()).contains("POLICY in /etc/sysconfig/qat", "QAT_POLICY=0 is not used");
    }

    @Test
    void rootIsReportedWithHowToRunWithoutIt() {
        assertThat(host().run(new UserCheck()).status()).isEqualTo(Status.OK);
        CheckResult root = host().status(0, 0).run(new UserCheck());
        assertThat(root.status()).isEqualTo(Status.INFO);
        assertThat(root.fix().kubernetes()).contains("runAsNonRoot: true", "no effect for a non-root process");
    }

    @Test
    void hugePagesTheRegionCanUseOrNotAndQatlibsHugePageModeWithoutAny() {
        assertThat(host().hugePages(1024, 1024).run(new HugePagesCheck()).found())
                .contains("the region uses 2 MiB huge pages");
        CheckResult few = host().hugePages(16, 16).run(new HugePagesCheck());
        assertThat(few.status()).isEqualTo(Status.INFO);
        assertThat(few.fix().kubernetes()).contains("hugepages-2Mi: 64Mi");
        assertThat(few.fix().bareMetal()).contains("vm.nr_hugepages=32");
        CheckResult capped = host().hugePages(1024, 1024).file("/sys/fs/cgroup/hugetlb.2MB.max", "0")
                .run(new HugePagesCheck());
        assertThat(capped.status()).isEqualTo(Status.INFO);
        assertThat(capped.found()).contains("the cgroup allows 0");
        CheckResult mode = host().hugePages(0, 0).env("QAT_MAX_2M_HPG_PER_PROCESS", "8").run(new HugePagesCheck());
        assertThat(mode.status()).isEqualTo(Status.FAIL);
        assertThat(mode.problem()).contains("refuses to start");
    }

    @Test
    void fewerInstancesThanThreadsIsAWarningWithMoreVfsAsTheFix() {
        FakeHost h = host();
        assertThat(new InstancesCheck().check(h.host(), h.context(-1, 8)).status()).isEqualTo(Status.INFO);
        assertThat(new InstancesCheck().check(h.host(), h.context(8, 8)).status()).isEqualTo(Status.OK);
        CheckResult few = new InstancesCheck().check(h.host(), h.context(2, 8));
        assertThat(few.status()).isEqualTo(Status.WARN);
        assertThat(few.fix().kubernetes()).contains("qat.intel.com/dc: N", "QAT_POLICY=N");
    }

    @Test
    void everyCheckRunsInItsOrderAndAFailingOneIsReportedNotThrown() {
        assertThat(ContainerChecks.run(host().host(), host().context(-1, 1))).extracting(CheckResult::id)
                .containsExactlyElementsOf(ContainerChecks.ids())
                .containsExactly("user", "vfio", "memlock", "qat-policy", "huge-pages", "instances");
        FakeHost garbled = new FakeHost(root).file("/proc/self/status", "Uid:\tnot-a-number\tx");
        CheckResult broken = ContainerChecks.run(garbled.host(), garbled.context(-1, 1)).get(0);
        assertThat(broken.status()).isEqualTo(Status.INFO);
        assertThat(broken.found()).startsWith("the check could not run");
    }
}
