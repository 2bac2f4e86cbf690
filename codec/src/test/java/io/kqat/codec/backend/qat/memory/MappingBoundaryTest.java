package io.kqat.codec.backend.qat.memory;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.qat.Emulator;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 6: only a flat's start is translated and separate mappings have unrelated device addresses, so no
 * flat may run from one mapping into the next. A region of 8 MiB in 2 MiB mappings (a real one changes mapping every
 * 2 GiB) with flats allowed up to 4 MiB: only kqat's cuts at mapping ends keep the emulated IOMMU from faulting.
 */
class MappingBoundaryTest {
    private static final long MAPPING = 2L << 20;
    private final EmulatorControl emu = Emulator.control("iova");
    private QatProcess process;
    private Region region;

    @BeforeEach
    void start() {
        process = QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL");
        region = Region.allocateAndMap(process.libs().iova(), 8L << 20, new int[] {0}, MAPPING);
    }

    @AfterEach
    void stop() {
        region.close();
        QatProcess.release(process);
    }

    @Test
    void aBatchAcrossTwoMappingsIsCutAtTheMappingsEnd() throws Exception {
        assertThat(region.mappingCount()).isEqualTo(4);
        SlotArena arena = new SlotArena(region);
        RegionStaging staging = new RegionStaging(region, arena, process.memoryNodes(), () -> { });
        DeviceProfile bigFlats = new DeviceProfile(DeviceProfile.MAX_FLATS, 4 << 20, boundOf(process), process.profile().usdm());
        QatProcess.acquire(process.libs(), "SSL"); // the backend's own hold, given back by its close
        byte[] data = new KafkaLikeEvents(6).fill(3 << 20);
        try (Backend backend = Emulator.backend("qat-test", process, staging, bigFlats, new RequestTimeouts(5000, 500));
             SlotArena.Lease batch = arena.acquire(100 + data.length)) {
            ByteBuffer src = batch.buffer();
            src.position(100);
            src.put(data).flip().position(100);
            assertThat(Flats.count(batch, batch.address() + 100, data.length, 4 << 20)).as("cut at 2 MiB").isEqualTo(2);
            ByteBuffer dst = ByteBuffer.allocate(GzipMembers.maxMemberSize(backend, data.length));
            long faults = emu.counter("iommu_faults");
            GzipMembers.compress(backend, src, dst, 6, CopyCounter.NONE);
            assertThat(emu.counter("iommu_faults")).isEqualTo(faults);
            byte[] gz = Arrays.copyOf(dst.array(), dst.position());
            assertThat(gunzip(gz)).isEqualTo(data);
        }
    }

    @Test
    void theEmulatedIommuFaultsAFlatThatCrossesAMapping() {
        SlotArena arena = new SlotArena(region);
        try (SlotArena.Lease in = arena.acquire(3 << 20); SlotArena.Lease out = arena.acquire(4 << 20);
             RawRequest r = new RawRequest(process)) {
            RawRequest.Plain oneMapping = new RawRequest.Plain(in.address(), in.capacity()); // claims no mapping ends
            r.prepare(true, true);
            // Flats large enough that no flat-size multiple falls inside these 3 MiB, wherever the lease starts.
            r.source(oneMapping, in.address(), 3 << 20, flatSizeWithoutCut(in.address(), 3 << 20));
            r.destination(out, out.address(), 4 << 20, 64 << 10);
            assertThat(r.sourceFlats()).as("one flat over two mappings").isEqualTo(1);
            long faults = emu.counter("iommu_faults");
            assertThat(r.run(true)).isEqualTo(CpaStatus.FAIL);
            assertThat(emu.counter("iommu_faults")).isEqualTo(faults + 1);
        }
    }

    /** A flat size with no multiple strictly inside [address, address+length): the range stays one flat. */
    private static int flatSizeWithoutCut(long address, long length) {
        for (int flat = 8 << 20; flat > 0 && flat < Integer.MAX_VALUE / 2; flat = flat * 2 + 4096) {
            if (address / flat == (address + length - 1) / flat) {
                return flat;
            }
        }
        throw new AssertionError("no flat size keeps [" + address + ", +" + length + ") whole");
    }

    private static CompressBound boundOf(QatProcess process) {
        return process.compressBound(255 * (4 << 20) / 4);
    }
}
