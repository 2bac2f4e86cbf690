package io.kqat.tools.devicetest;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.local.cpu.ThreadCpu;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's CPU per request, as the Kafka hook makes requests (a batch in batch memory compressed into one member),
 * with a number of callers each waiting for its own request: the callers' CPU time (framing, descriptors, the
 * submission, the wait, in event mode the turns at epoll) plus that of kqat's own threads ({@code kqat-*}: the hang
 * probe; none waits for completions), per request. The device's own work is not in it: on a device it is silicon, on kqat's emulator
 * it is the process {@code kqat-emu-device}, whose CPU per request (the emulator's {@code device_cpu_ns}) is given
 * beside. Also the wall time per request of each caller (its latency) and the bytes per second through the device.
 */
final class HostCost {
    private HostCost() {
    }

    /** One caller's request, made again and again over buffers of its own. */
    interface Caller extends AutoCloseable {
        void request();

        @Override
        void close();
    }

    /** A codec's rung as the Kafka hook uses it: callers over it, and its count of timed sleeps (polling only). */
    interface RequestPath {
        String rung();

        Caller open(byte[] data);

        long sleeps();
    }

    /** gzip at level 1: the batch already in the codec's batch buffer (mapped memory), compressed into one member. */
    static RequestPath gzip(GzipCodec codec, String rung) {
        return new RequestPath() {
            @Override
            public String rung() {
                return rung;
            }

            @Override
            public Caller open(byte[] data) {
                BufferLease lease = codec.acquireBatchBuffer(data.length);
                ByteBuffer in = lease.buffer().put(data).flip();
                ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
                return new Caller() {
                    @Override
                    public void request() {
                        in.rewind();
                        out.clear();
                        codec.compress(in, out, 1);
                    }

                    @Override
                    public void close() {
                        lease.close();
                    }
                };
            }

            @Override
            public long sleeps() {
                return codec.backend(rung).detail().figure("sleeps");
            }
        };
    }

    /**
     * zstd at {@code level}: the records written in 1000-byte pieces into the codec's batch stream, which keeps them in
     * the device's mapped memory (the copy Kafka's append makes into any codec's stream), one frame out at close.
     */
    static RequestPath zstd(ZstdCodec codec, String rung, int level) {
        return new RequestPath() {
            @Override
            public String rung() {
                return rung;
            }

            @Override
            public Caller open(byte[] data) {
                ByteArrayOutputStream frame = new ByteArrayOutputStream(codec.maxCompressedLength(data.length));
                return new Caller() {
                    @Override
                    public void request() {
                        frame.reset();
                        try (OutputStream out = codec.batchOutputStream(frame, level)) {
                            for (int i = 0; i < data.length; i += 1000) {
                                out.write(data, i, Math.min(1000, data.length - i));
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public long sleeps() {
                return ZstdBatches.rung(codec, rung).detail().figure("sleeps");
            }
        };
    }

    /** One measurement of {@code callers} callers making requests of {@code data} through {@code path}. */
    static Figure measure(RequestPath path, byte[] data, int callers, long nanos, EmulatorControl emulator)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CyclicBarrier start = new CyclicBarrier(callers + 1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers,
                r -> new Thread(r, "device-test-caller-" + names.getAndIncrement()));
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                results.add(pool.submit(() -> caller(path, data, start, stop, threads)));
            }
            start.await();
            long kqat0 = ThreadCpu.named(threads, "kqat-");
            long sleeps0 = path.sleeps();
            long deviceCpu0 = emulator == null ? 0 : emulator.counter("device_cpu_ns");
            long deviceRequests0 = emulator == null ? 0 : emulator.counter("device_requests");
            long wall0 = System.nanoTime();
            Thread.sleep(nanos / 1_000_000);
            stop.set(true);
            long requests = 0;
            long callerCpu = 0;
            long callerWall = 0;
            for (Future<long[]> f : results) {
                long[] r = f.get();
                requests += r[0];
                callerCpu += r[1];
                callerWall += r[2];
            }
            double wall = System.nanoTime() - wall0;
            long kqat = ThreadCpu.named(threads, "kqat-") - kqat0;
            long sleeps = path.sleeps() - sleeps0;
            double device = emulator == null ? Double.NaN
                    : (emulator.counter("device_cpu_ns") - deviceCpu0)
                    / (double) Math.max(1, emulator.counter("device_requests") - deviceRequests0) / 1e3;
            return new Figure(data.length >> 10, callers, requests, callerCpu / 1e3 / requests, kqat / 1e3 / requests,
                    sleeps / (double) requests, callerWall / 1e3 / requests, device,
                    requests * (double) data.length / wall * 1e3, path.rung());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {requests, CPU ns, wall ns} of one caller, measured between the barrier and the stop. */
    private static long[] caller(RequestPath path, byte[] data, CyclicBarrier start, AtomicBoolean stop,
                                 ThreadMXBean threads) throws Exception {
        try (Caller caller = path.open(data)) {
            for (int i = 0; i < 20; i++) {
                caller.request();
            }
            start.await();
            long n = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            while (!stop.get() || n == 0) {
                caller.request();
                n++;
            }
            return new long[] {n, threads.getCurrentThreadCpuTime() - cpu0, System.nanoTime() - wall0};
        }
    }

    /**
     * What one size and number of callers gave: per request, the callers' CPU and kqat's threads' CPU (together the
     * host's), timed sleeps (polling only), each caller's wall time (latency), the device's CPU (emulator only, NaN
     * on a device), and MB/s.
     */
    record Figure(int kib, int callers, long requests, double callerMicros, double kqatThreadMicros,
                  double sleepsPerRequest, double latencyMicros, double deviceMicros, double megabytesPerSecond,
                  String rung) {
        double hostMicros() {
            return callerMicros + kqatThreadMicros;
        }

        /** The device's time as the report says it: the emulator's process's CPU, or none on a device's silicon. */
        String deviceText() {
            return Double.isNaN(deviceMicros) ? "device time not measured (its own silicon)"
                    : String.format(Locale.ROOT, "device %.0f us CPU per request in the emulator's process, not the "
                    + "host's", deviceMicros);
        }
    }
}
