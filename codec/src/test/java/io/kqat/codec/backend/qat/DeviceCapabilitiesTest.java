package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.backend.qat.nativeapi.Numa;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rules 2 and 4: compress-and-verify is always set and its capability checked at start; capabilities and
 * instance info are read at start and shown; memory is placed on the instances' node; requests go to every instance.
 */
class DeviceCapabilitiesTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restore() {
        emu.setCapability("cnv", true);
        emu.setCapability("dynamic", true);
        emu.setNumaNodes("0");
        emu.configure(2, 64, false);
    }

    @Test
    void withoutCompressAndVerifyNoQatRungIsReadyAndTheReasonSaysSo() {
        emu.setCapability("cnv", false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            for (String rung : new String[] {"qat", "qat-pinned"}) {
                BackendStatus r = codec.backend(rung);
                assertThat(r.ready()).isFalse();
                assertThat(r.skipReason()).contains("no usable QAT instance").contains("compress-and-verify")
                        .contains("cpaDcQueryCapabilities");
            }
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void withoutDynamicHuffmanNeither() {
        emu.setCapability("dynamic", false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(codec.backend("qat").skipReason()).contains("dynamic Huffman");
        }
    }

    @Test
    void compressionWithoutVerificationIsRefusedAtEverySizeAndKqatNeverAsksForIt() {
        QatProcess process = QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL");
        try (RawRequest r = new RawRequest(process); PinnedMemory mem = new PinnedMemory(process, 2 << 20)) {
            for (int size : new int[] {1024, 64 << 10, 1 << 20}) {
                long refusals = emu.counter("cnv_refusals");
                r.prepare(true, false);
                r.source(mem.lease, mem.address(), size, 64 << 10);
                r.destination(mem.lease, mem.address() + size, (1 << 20) - 1024 + 1, 64 << 10);
                assertThat(r.run(true)).as("%d bytes without CnV", size).isEqualTo(Integer.MIN_VALUE);
                assertThat(emu.counter("cnv_refusals")).isEqualTo(refusals + 1);
            }
            assertThat(process.profile().compressAndVerify()).isTrue();
        } finally {
            QatProcess.release(process);
        }
        try (GzipCodec codec = Emulator.codec("iova")) {
            long refusals = emu.counter("cnv_refusals");
            byte[] data = new KafkaLikeEvents(1).fill(300_000);
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            assertThat(emu.counter("cnv_refusals")).isEqualTo(refusals);
        }
    }

    @Test
    void capabilitiesAndInstancesAreShownInTheDetail() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            String detail = Emulator.rung(codec, "qat").detail().summary();
            assertThat(detail).contains("capabilities deflate, dynamic Huffman, CRC32, CnV")
                    .contains("dc0: node 0, package 0, accelerator 0, bus 6b:00.1 (4xxxvf")
                    .contains("dc1: node 0").contains("2 data compression instance(s)");
        }
    }

    @Test
    void requestsAreSpreadOverEveryInstance() {
        emu.configure(4, 64, false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            KafkaLikeEvents events = new KafkaLikeEvents(9);
            for (int i = 0; i < 40; i++) {
                byte[] data = events.fill(30_000);
                assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, data))).isEqualTo(data);
            }
            for (int i = 0; i < 4; i++) {
                assertThat(emu.counter("requests_instance_" + i)).as("requests on instance %d", i).isEqualTo(20);
            }
        }
    }

    @Test
    void theRegionIsPreferredOnTheInstancesNode() {
        emu.setNumaNodes("0,0");
        try (GzipCodec codec = Emulator.codec("iova"); BufferLease lease = codec.acquireBatchBuffer(1000)) {
            assertThat(lease.deviceMapped()).isTrue();
            ByteBuffer b = lease.buffer();
            b.put((byte) 1);
            assertThat(Numa.preferredNode(DirectAddress.at(b))).as("mbind policy of the batch's page").isZero();
            assertThat(Emulator.rung(codec, "qat").detail().summary()).contains("on node 0");
        }
    }

    @Test
    void pinnedMemoryIsAllocatedOnTheInstancesNodeEvenWhereThisMachineHasNone() {
        EmulatorControl legacy = Emulator.control("legacy");
        legacy.setNumaNodes("1,1");
        try (GzipCodec codec = Emulator.codec("legacy")) {
            assertThat(Emulator.rung(codec, "qat-pinned").detail().summary()).contains("dc0: node 1").contains("dc1: node 1");
            legacy.resetCounters();
            byte[] data = new KafkaLikeEvents(2).fill(500_000);
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            assertThat(legacy.counter("alloc_calls_node_0")).as("allocations asked on node 0").isZero();
            assertThat(legacy.counter("alloc_calls_node_any")).as("allocations on any node").isZero();
        } finally {
            legacy.setNumaNodes("0");
        }
        assertThat(legacy.counter("alloc_calls_node_1")).as("allocations asked on node 1").isPositive();
    }

    @Test
    void aRequestGoesToAnInstanceOnTheNodeOfItsMemory() {
        emu.setNumaNodes("0,1");
        try (GzipCodec codec = Emulator.codec("iova")) {
            String detail = Emulator.rung(codec, "qat").detail().summary();
            assertThat(detail).contains("2 parts on node 0, node 1 (mbind refused, errno 22)");
            emu.resetCounters();
            byte[] data = new KafkaLikeEvents(3).fill(50_000);
            for (int i = 0; i < 10; i++) {
                assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, data))).isEqualTo(data);
            }
            // This machine's threads run on node 0: their memory comes from node 0's part, their requests go to dc0.
            assertThat(emu.counter("requests_instance_0")).isEqualTo(20);
            assertThat(emu.counter("requests_instance_1")).isZero();
        }
    }
}
