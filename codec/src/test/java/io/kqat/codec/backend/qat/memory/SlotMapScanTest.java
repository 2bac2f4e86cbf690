package io.kqat.codec.backend.qat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Placing a lease costs the same in a small arena and a huge one: the search stops as soon as it has found a run long
 * enough (the lease and the headroom around it), instead of measuring every free run to its end. Once it walked the
 * whole free tail of the bitmap, slot by slot, for every lease: 1024 slots per request in the default 64 MiB region.
 */
class SlotMapScanTest {
    @Test
    void placingALeaseDoesNotWalkTheWholeFreeTail() {
        int slots = 1 << 24; // a 1 TiB region's bitmap (2 MiB of longs): a walk to its end is 16M steps per placement
        SlotMap map = new SlotMap(slots);
        map.take(0, 1); // a batch lent at the start, as the Kafka hook leaves one
        long started = System.nanoTime();
        int placed = -1;
        for (int i = 0; i < 400; i++) {
            placed = map.place(2, 2 * SlotArena.HEADROOM, 0, slots);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(placed).as("after the lent slot and the headroom left to it").isEqualTo(1 + 2 * SlotArena.HEADROOM);
        // walking to the end: 400 x 16M slots, seconds at the least; stopping early: microseconds
        assertThat(millis).as("400 placements in a 16M-slot map").isLessThan(1_000);
    }

    @Test
    void aRunTooShortForTheHeadroomIsPassedOverForALongerOne() {
        SlotMap map = new SlotMap(256);
        map.take(0, 1);
        map.take(5, 1); // slots 1-4 free: too few for headroom 3 + 2 + 3 after a lent slot
        assertThat(map.place(2, 3, 0, 256)).isEqualTo(6 + 3);
        SlotMap words = new SlotMap(256);
        words.take(0, 64); // a whole word lent: the free word after it is crossed in one step
        assertThat(words.place(2, 3, 0, 256)).isEqualTo(64 + 3);
        words.take(66, 1);
        assertThat(words.place(2, 3, 0, 256)).isEqualTo(67 + 3);
    }
}
