package io.kqat.codec.backend.qat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.nativeio.DirectAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The slot arena on its own (a real 2 MiB region, mapped by a stand-in for USDM's IOVA calls). */
class SlotArenaTest {
    /** Records mappings instead of reaching a device. */
    static final class FakeIova implements QatLibraries.Iova {
        int mapped;

        @Override
        public long qaeMemMapContiguousIova(Pointer virt, long size) {
            mapped++;
            return 0x4000_0000L;
        }

        @Override
        public int qaeMemUnmapContiguousIova(Pointer virt, long size) {
            mapped--;
            return 0;
        }
    }

    private final FakeIova iova = new FakeIova();
    private Region region;
    private SlotArena arena;

    @BeforeEach
    void setUp() {
        region = Region.allocateAndMap(iova, 2L << 20);
        arena = new SlotArena(region);
    }

    @AfterEach
    void tearDown() {
        region.close(true, arena.closeAndIsIdle());
        assertThat(iova.mapped).isZero();
    }

    @Test
    void leasesCoverWhatWasAskedInWholeSlotsAndNeverOverlap() {
        assertThat(arena.slotCount()).isEqualTo(32);
        List<SlotArena.Lease> leases = new ArrayList<>();
        int[] sizes = {1, SlotArena.SLOT_SIZE, SlotArena.SLOT_SIZE + 1, 200_000, 3};
        for (int size : sizes) {
            SlotArena.Lease l = arena.acquire(size);
            assertThat(l.capacity()).isGreaterThanOrEqualTo(size).isEqualTo(
                    (size + SlotArena.SLOT_SIZE - 1) / SlotArena.SLOT_SIZE * SlotArena.SLOT_SIZE);
            leases.add(l);
        }
        for (int i = 0; i < leases.size(); i++) {
            for (int j = i + 1; j < leases.size(); j++) {
                SlotArena.Lease a = leases.get(i);
                SlotArena.Lease b = leases.get(j);
                assertThat(a.address() + a.capacity() <= b.address() || b.address() + b.capacity() <= a.address())
                        .as("leases %d and %d overlap", i, j).isTrue();
            }
        }
        assertThat(arena.usedSlots()).isEqualTo(1 + 1 + 2 + 4 + 1);
        leases.forEach(SlotArena.Lease::close);
        assertThat(arena.usedSlots()).isZero();
    }

    @Test
    void anExhaustedArenaAnswersNullAndAReturnedRunIsLentAgain() {
        SlotArena.Lease all = arena.acquire(32 * SlotArena.SLOT_SIZE);
        assertThat(all).isNotNull();
        assertThat(arena.acquire(1)).isNull();
        all.close();
        all.close(); // once only
        assertThat(arena.usedSlots()).isZero();
        assertThat(arena.acquire(33 * SlotArena.SLOT_SIZE)).as("more than the region").isNull();
        SlotArena.Lease again = arena.acquire(1);
        assertThat(again).isNotNull();
        again.close();
    }

    @Test
    void aHeldLeaseIsFreedOnlyWhenBothItsCloseAndItsHoldAreOver() {
        SlotArena.Lease lease = arena.acquire(SlotArena.SLOT_SIZE);
        Runnable release = lease.hold();
        lease.close();
        assertThat(arena.usedSlots()).as("closed while the device may still write it").isEqualTo(1);
        release.run();
        assertThat(arena.usedSlots()).isZero();
        release.run(); // ending a hold twice changes nothing
        assertThat(arena.usedSlots()).isZero();
    }

    @Test
    void buffersMapBackToTheLeaseHoldingThem() {
        SlotArena.Lease lease = arena.acquire(3 * SlotArena.SLOT_SIZE);
        ByteBuffer inside = lease.buffer().duplicate();
        inside.position(SlotArena.SLOT_SIZE + 10);
        assertThat(arena.leaseAt(DirectAddress.at(inside), 1000)).isSameAs(lease);
        assertThat(arena.leaseAt(DirectAddress.at(inside), 3 * SlotArena.SLOT_SIZE)).as("runs past the lease").isNull();
        ByteBuffer plain = ByteBuffer.allocateDirect(100);
        assertThat(arena.leaseAt(DirectAddress.at(plain), 100)).isNull();
        lease.close();
        assertThat(arena.leaseAt(lease.address(), 1)).as("after it was returned").isNull();
    }

    /**
     * A lease's buffer is a slice of one view of the whole region made when it was mapped: no JNI call (JNA's
     * NewDirectByteBuffer, about a microsecond on this VM) per lease or growth. It still starts at the lease's address,
     * in native byte order as the JNA-made views were.
     */
    @Test
    void leaseBuffersAreSlicesOfOneViewMadeWhenTheRegionWasMapped() {
        assertThat(region.nativeViews()).as("the whole region's view").isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            SlotArena.Lease lease = arena.acquire(SlotArena.SLOT_SIZE + 1 + i);
            assertThat(DirectAddress.at(lease.buffer())).isEqualTo(lease.address());
            assertThat(lease.buffer().capacity()).isEqualTo(2 * SlotArena.SLOT_SIZE);
            assertThat(lease.buffer().order()).isEqualTo(ByteOrder.nativeOrder());
            assertThat(lease.growInPlace(3 * SlotArena.SLOT_SIZE)).isTrue();
            assertThat(DirectAddress.at(lease.buffer())).isEqualTo(lease.address());
            lease.close();
        }
        assertThat(region.nativeViews()).as("direct buffers made through JNI after 100 leases").isEqualTo(1);
    }

    @Test
    void closingTheArenaWithSlotsLentKeepsTheMemory() {
        SlotArena.Lease lease = arena.acquire(1);
        assertThat(arena.closeAndIsIdle()).isFalse();
        assertThat(arena.acquire(1)).as("nothing lent after close").isNull();
        lease.close();
    }

    @Test
    void aLeaseGrowsInPlaceIntoTheHeadroomLeftAfterIt() {
        SlotArena.Lease a = arena.acquire(2 * SlotArena.SLOT_SIZE);
        SlotArena.Lease b = arena.acquire(2 * SlotArena.SLOT_SIZE);
        assertThat(b.address()).as("the next lease leaves room to grow").isGreaterThanOrEqualTo(
                a.address() + (1 + SlotArena.HEADROOM) * 2L * SlotArena.SLOT_SIZE);
        ByteBuffer written = a.buffer();
        for (int i = 0; i < written.capacity(); i++) {
            written.put((byte) i);
        }
        long address = a.address();
        assertThat(a.growInPlace(8 * SlotArena.SLOT_SIZE)).isTrue();
        assertThat(a.address()).as("the batch did not move").isEqualTo(address);
        assertThat(a.capacity()).isEqualTo(8 * SlotArena.SLOT_SIZE);
        ByteBuffer grown = a.buffer();
        assertThat(grown.position()).isZero();
        assertThat(grown.capacity()).isEqualTo(8 * SlotArena.SLOT_SIZE);
        for (int i = 0; i < 2 * SlotArena.SLOT_SIZE; i++) {
            assertThat(grown.get(i)).isEqualTo((byte) i);
        }
        assertThat(arena.usedSlots()).isEqualTo(10);
        assertThat(arena.leaseAt(address + 7L * SlotArena.SLOT_SIZE, 100)).isSameAs(a);
        a.close();
        b.close();
        assertThat(arena.usedSlots()).isZero();
    }

    @Test
    void growingFailsWhenTheNextSlotsAreLentAndChangesNothing() {
        SlotArena.Lease all = arena.acquire(31 * SlotArena.SLOT_SIZE); // exact fit: no room for headroom
        SlotArena.Lease last = arena.acquire(1);
        assertThat(all.growInPlace(32 * SlotArena.SLOT_SIZE)).isFalse();
        assertThat(all.capacity()).isEqualTo(31 * SlotArena.SLOT_SIZE);
        assertThat(arena.usedSlots()).isEqualTo(32);
        last.close();
        assertThat(all.growInPlace(32 * SlotArena.SLOT_SIZE)).as("once the slot after it is free").isTrue();
        all.close();
        assertThat(last.growInPlace(2 * SlotArena.SLOT_SIZE)).as("a returned lease never grows").isFalse();
        assertThat(arena.usedSlots()).isZero();
    }

    @Test
    void aFullArenaStillLendsExactFits() {
        List<SlotArena.Lease> leases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SlotArena.Lease l = arena.acquire(2 * SlotArena.SLOT_SIZE);
            assertThat(l).as("lease %d", i).isNotNull();
            leases.add(l);
        }
        assertThat(arena.usedSlots()).isEqualTo(32);
        leases.forEach(SlotArena.Lease::close);
    }
}
