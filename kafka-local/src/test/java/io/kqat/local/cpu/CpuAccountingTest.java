package io.kqat.local.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2: every CPU figure says which threads it counts. Threads are grouped by name; the emulated QAT
 * device's CPU is its own process's, read apart, and none of this JVM's threads' (the JVM only submits and waits).
 */
class CpuAccountingTest {

    @Test
    void threadsAreGroupedByWhomTheyWorkFor() {
        assertThat(ThreadCpu.group("main")).isEqualTo(ThreadCpu.APPLICATION);
        assertThat(ThreadCpu.group("kafka-producer-network-thread | producer-1")).isEqualTo(ThreadCpu.SENDER);
        assertThat(ThreadCpu.group("data-plane-kafka-request-handler-3")).isEqualTo(ThreadCpu.HANDLERS);
        assertThat(ThreadCpu.group("data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0"))
                .as("15-character comm names could not tell these apart").isEqualTo(ThreadCpu.OTHER);
        assertThat(ThreadCpu.group("kqat-qat-probe")).isEqualTo(ThreadCpu.KQAT);
        Map<String, Long> cpu = ThreadCpu.byGroup(ManagementFactory.getThreadMXBean());
        assertThat(cpu).containsOnlyKeys(ThreadCpu.APPLICATION, ThreadCpu.SENDER, ThreadCpu.HANDLERS, ThreadCpu.KQAT,
                ThreadCpu.OTHER);
        assertThat(cpu.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void theEmulatedDevicesCpuIsItsOwnProcesss() {
        EmulatorControl emu = Emulators.control("iova");
        byte[] data = new KafkaLikeEvents(2).fill(1 << 20);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder()
                .setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString()).build())) {
            assertThat(codec.backendName()).isEqualTo("qat");
            long device0 = DeviceCpu.ofThisJvm();
            long counted0 = emu.counter("device_cpu_ns");
            long jvm0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (int i = 0; i < 10; i++) {
                codec.compress(data);
            }
            long jvm = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - jvm0;
            long device = DeviceCpu.ofThisJvm() - device0;
            long counted = emu.counter("device_cpu_ns") - counted0;
            assertThat(device).as("the device process's CPU, from /proc").isGreaterThanOrEqualTo(counted * 9 / 10);
            assertThat(counted).as("the device's deflate, not this thread's").isGreaterThan(jvm);
        }
        assertThat(DeviceCpu.ofThisJvm()).as("no device process once QAT stopped").isZero();
    }
}
