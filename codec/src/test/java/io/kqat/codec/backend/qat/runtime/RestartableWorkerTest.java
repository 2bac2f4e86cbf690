package io.kqat.codec.backend.qat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 3, the pause race: the hang probe's thread has seen the device answer and is about to end (a GC pause
 * right there) when a request times out and asks for a probe. That ask must not be lost: the task runs again.
 */
class RestartableWorkerTest {
    @Test
    void aStartWhileTheTaskIsEndingRunsItAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ending = new CountDownLatch(1);
        CountDownLatch pauseOver = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        RestartableWorker worker = new RestartableWorker("test-worker", () -> {
            if (runs.incrementAndGet() == 1) {
                ending.countDown(); // the loop has exited...
                await(pauseOver); // ...and the thread stalls before it is marked as ended
            } else {
                second.countDown();
            }
        });
        worker.start();
        assertThat(ending.await(5, TimeUnit.SECONDS)).isTrue();
        worker.start(); // the device is marked hung during the pause
        pauseOver.countDown();
        boolean ranAgain = second.await(2, TimeUnit.SECONDS);
        System.out.println("task runs after a start during the pause: " + runs.get());
        assertThat(ranAgain).as("the task ran again for the start made during the pause").isTrue();
    }

    @Test
    void aTaskThatThrowsLeavesTheWorkerStartable() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        RestartableWorker worker = new RestartableWorker("test-worker", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new Error("injected");
            }
            second.countDown();
        });
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runs.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        worker.start();
        assertThat(second.await(2, TimeUnit.SECONDS)).as("started again after an Error").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
