package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 4: a JVM with the agent that never compresses or decompresses gzip (a tool sharing the broker's
 * {@code KAFKA_OPTS}) starts nothing of kqat's: no native QAT library loaded, no mapping, no device process, no kqat
 * thread, and no VF taken. The test shows the last the way a broker would feel it: with one process slot (qatmgr's
 * section) for the device, the test's own start succeeds while that JVM runs. A JVM that does send one gzip batch
 * takes the slot, and the same start is refused.
 */
class LazyStartTest {
    private final EmulatorControl emu = Emulators.control("iova");
    private Process child;

    @AfterEach
    void cleanUp() {
        emu.setMaxProcesses(-1);
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aJvmThatNeverGzipsStartsNothingAndLeavesTheVfToOthers() throws Exception {
        String seen = startChild(false);
        assertThat(seen).contains("threads=0 device=0 libqat=false libusdm=false")
                .as("the codec's bean is there, counting nothing yet").contains("mbean=true");
        assertThat(qatStartsHere()).as("the only VF is free for this process").isTrue();
    }

    @Test
    void aJvmThatGzipsOnceStartsQatAndTakesTheVf() throws Exception {
        String seen = startChild(true);
        assertThat(seen).contains("device=1 libqat=true libusdm=true");
        assertThat(qatStartsHere()).as("the only VF is the other JVM's").isFalse();
    }

    /** Starts the child with one process slot for the device; returns its report line. */
    private String startChild(boolean gzip) throws IOException, InterruptedException {
        Path emulator = Emulators.dir("iova");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.attach.allowAttachSelf=true", "-cp", System.getProperty("java.class.path"),
                LazyStartChild.class.getName(), "qat.emulator=" + emulator));
        if (gzip) {
            command.add("gzip");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("KQAT_EMU_MAX_PROCESSES", "1");
        child = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("KQAT-LAZY ")) {
                return line;
            }
        }
        throw new AssertionError("the child ended without its report (exit " + waitFor() + ")");
    }

    /** Whether this JVM can start QAT with one process slot, while the child runs. */
    private boolean qatStartsHere() throws Exception {
        emu.setMaxProcesses(1);
        long refusals = emu.counter("process_slot_refusals");
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder()
                .setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_REGION_BYTES, "4m").build())) {
            boolean ready = codec.backend("qat").ready();
            assertThat(ready).as("refused for want of a slot, or started")
                    .isEqualTo(emu.counter("process_slot_refusals") == refusals);
            return ready;
        } finally {
            try (OutputStream in = child.getOutputStream()) {
                in.write('\n');
            }
            assertThat(waitFor()).isZero();
        }
    }

    private int waitFor() throws InterruptedException {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
        return child.exitValue();
    }
}
