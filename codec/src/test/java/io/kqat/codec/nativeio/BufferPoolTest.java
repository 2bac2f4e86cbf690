package io.kqat.codec.nativeio;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool counts every buffer it holds, lent or idle, in its budget, and never goes over it. */
class BufferPoolTest {
    private static final int MIB = 1 << 20;

    @Test
    void buffersInUseCountAndTheBoundHoldsWhileTheyAreLent() {
        NativeMemory budget = NativeMemory.of(4L * MIB);
        BufferPool pool = new BufferPool(budget, 8 * MIB, 4);
        List<BufferLease> lent = new ArrayList<>();
        BufferLease l;
        while ((l = pool.tryLease(MIB)) != null) {
            lent.add(l);
        }
        assertThat(lent).as("1 MiB leases under a 4 MiB bound").hasSize(4);
        assertThat(budget.used()).isEqualTo(4L * MIB);
        assertThat(budget.refusals()).isPositive();
        lent.forEach(BufferLease::close);
        assertThat(budget.used()).as("idle buffers stay reserved").isEqualTo(4L * MIB);
        assertThat(pool.tryLease(2 * MIB)).as("idle buffers of another size are freed to make room").isNotNull();
        assertThat(budget.peak()).isLessThanOrEqualTo(4L * MIB);
    }

    @Test
    void buffersBeyondTheIdleLimitOrThePooledSizeAreFreedWhenGivenBack() {
        NativeMemory budget = NativeMemory.of(64L * MIB);
        BufferPool pool = new BufferPool(budget, MIB, 1);
        BufferLease a = pool.tryLease(MIB);
        BufferLease b = pool.tryLease(MIB);
        BufferLease big = pool.tryLease(3 * MIB);
        assertThat(budget.used()).isEqualTo(5L * MIB);
        a.close();
        b.close();
        big.close();
        assertThat(budget.used()).as("one idle 1 MiB buffer kept, the rest freed").isEqualTo(MIB);
    }

    @Test
    void aWaitingLeaseGetsTheMemoryAnotherGivesBack() throws Exception {
        NativeMemory budget = NativeMemory.of(MIB);
        BufferPool pool = new BufferPool(budget, 8 * MIB, 0);
        BufferLease held = pool.tryLease(MIB);
        CompletableFuture<BufferLease> waiting = CompletableFuture.supplyAsync(
                () -> pool.lease(MIB, TimeUnit.SECONDS.toNanos(10)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        held.close(); // no idle buffers kept: freed, and the waiter gets the room
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(budget.waits()).isEqualTo(1);
        assertThat(pool.lease(MIB, TimeUnit.MILLISECONDS.toNanos(50))).as("the bound still holds").isNull();
    }
}
