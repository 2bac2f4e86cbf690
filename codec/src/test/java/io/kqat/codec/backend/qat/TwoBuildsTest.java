package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 1: two builds of kqat in one JVM (an agent jar of one release, a Connect plugin of another) must not
 * share QAT's process state unless its layout is exactly the same. The other build here is this one with 128 KiB
 * region slots instead of 64 KiB (the constant changed in the class files, as a compiler would): it would read the
 * first copy's slot bitmap with twice the slot size and lend memory the first copy has lent. It must refuse, say why,
 * and run in software, while the first copy keeps QAT.
 */
class TwoBuildsTest {
    private static final int SLOT_SIZE = 64 << 10;
    private final EmulatorControl emu = Emulator.control("iova");

    @TempDir
    Path otherBuild;

    @Test
    void aBuildWithAnotherSlotSizeRunsInSoftwareInsteadOfSharingTheRegion() throws Exception {
        copyWithSlotSize(IsolatedCodec.thisBuild(), otherBuild, 2 * SLOT_SIZE);
        assertThat(emu.counter("process_started")).as("no runtime before").isZero();
        long held = emu.counter("mappings_outstanding"); // an earlier test's region may be held for a late request
        byte[] data = new KafkaLikeEvents(19).fill(200_000);
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader(otherBuild);
             IsolatedCodec first = new IsolatedCodec(a, "iova");
             IsolatedCodec second = new IsolatedCodec(b, "iova")) {
            assertThat(first.backendName()).isEqualTo("qat");
            System.out.println("the other build serves on " + second.backendName() + "; QAT skipped: "
                    + second.skipReason("qat"));
            assertThat(second.backendName()).as("the rung serving the build with 128 KiB slots")
                    .isNotEqualTo("qat").isNotEqualTo("qat-pinned");
            assertThat(second.skipReason("qat")).contains("another build of kqat").contains("layout sha256:")
                    .contains(otherBuild.toString());
            assertThat(first.roundTrip(data)).isEqualTo(data);
            assertThat(second.roundTrip(data)).isEqualTo(data);
            assertThat(emu.counter("process_started")).as("qatlib started once").isEqualTo(1);
            assertThat(emu.counter("mappings_outstanding")).as("one region").isEqualTo(held + 1);
            assertThat(first.qatCompressBatches()).isPositive();
        }
        assertThat(emu.counter("process_started")).isZero();
        assertThat(emu.counter("mappings_outstanding")).isEqualTo(held);
    }

    @Test
    void theSameBuildTwiceStillShares() throws Exception {
        Path copy = otherBuild.resolve("same");
        copyWithSlotSize(IsolatedCodec.thisBuild(), copy, SLOT_SIZE);
        long held = emu.counter("mappings_outstanding");
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader(copy);
             IsolatedCodec first = new IsolatedCodec(a, "iova");
             IsolatedCodec second = new IsolatedCodec(b, "iova")) {
            assertThat(first.backendName()).isEqualTo("qat");
            assertThat(second.backendName()).as("an identical build elsewhere on disk").isEqualTo("qat");
            assertThat(emu.counter("mappings_outstanding")).isEqualTo(held + 1);
        }
    }

    /** Copies a build's classes, with the region's slot size (and the constants compiled from it) set to {@code size}. */
    private static void copyWithSlotSize(Path from, Path to, int size) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (size == SLOT_SIZE) {
            return;
        }
        String qat = "io/kqat/codec/backend/qat/";
        for (String user : new String[] {"memory/SlotArena", "memory/SharedRegion", "device/DeviceProfile"}) {
            Path f = to.resolve(qat + user + ".class");
            byte[] bytes = Files.readAllBytes(f);
            assertThat(ClassFilePatch.replaceInt(bytes, SLOT_SIZE, size)).as("slot size constants in %s", user)
                    .isPositive();
            Files.write(f, bytes);
        }
    }
}
