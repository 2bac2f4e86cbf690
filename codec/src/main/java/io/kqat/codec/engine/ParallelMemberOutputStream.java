package io.kqat.codec.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-member gzip like {@link GzipCodec#outputStream(OutputStream, int)}, with the members compressed on several
 * threads (as {@code pigz} does with its blocks): the same members in the same order, so for one backend and level the
 * bytes of the single-threaded stream. Workers compress full chunks of {@code memberBytes} while the caller fills the
 * next and writes finished members to the target in order. At most {@code 2 * threads} chunks exist (filling,
 * compressing or waiting to be written), so memory stays bounded; when all are busy a write waits for the oldest.
 * Each worker submits its own request, so with QAT several are in flight; chunks are lent by
 * the codec's batch memory, so under QAT zero-copy the device reads them where they were written.
 * {@link #flush()} writes every full member submitted so far; a partial chunk waits until it is full or the stream
 * closes, so member boundaries never depend on flushes. Not thread-safe, like any stream.
 */
final class ParallelMemberOutputStream extends OutputStream {
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final BatchCompressor compressor;
    private final OutputStream target;
    private final int level;
    private final int memberBytes;
    private final int maxChunks;
    private final ExecutorService workers;
    private final ArrayDeque<Chunk> submitted = new ArrayDeque<>();
    private final ArrayDeque<Chunk> idle = new ArrayDeque<>();
    private final List<Chunk> all = new ArrayList<>();
    private Chunk filling;
    private boolean submittedAny;
    private boolean closed;
    private IOException failure;

    private ParallelMemberOutputStream(BatchCompressor compressor, OutputStream target, int level, int memberBytes, int threads) {
        this.compressor = compressor;
        this.target = target;
        this.level = level;
        this.memberBytes = memberBytes;
        this.maxChunks = 2 * threads;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kqat-gzip-" + WORKERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A stream writing gzip members of {@code memberBytes} to {@code target} at {@code level}, compressed on
     * {@code threads} threads of its own (stopped at close). Closing the stream closes the target.
     */
    static ParallelMemberOutputStream open(BatchCompressor compressor, OutputStream target, int level, int memberBytes,
                                           int threads) {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(target, "target");
        CodecConfig.checkLevel(level);
        if (memberBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("need positive memberBytes and threads, got level "
                    + level + ", memberBytes " + memberBytes + ", threads " + threads);
        }
        return new ParallelMemberOutputStream(compressor, target, level, memberBytes, threads);
    }

    @Override
    public void write(int b) throws IOException {
        room().put((byte) b);
        submitIfFull();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            ByteBuffer room = room();
            int n = Math.min(len, room.remaining());
            room.put(b, off, n);
            off += n;
            len -= n;
            submitIfFull();
        }
    }

    /** Writes every member submitted so far (waiting for them) and flushes the target. */
    @Override
    public void flush() throws IOException {
        ensureUsable();
        writeAllSubmitted();
        target.flush();
    }

    /**
     * Compresses what is left as the last member (an empty stream gets one empty member, as the single-threaded stream
     * writes), writes every member, stops the workers, gives back every chunk and closes the target.
     *
     * @throws IOException also when an earlier write failed (the output is then incomplete)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try (OutputStream closedLast = target) {
            try {
                ensureUsable();
                if (filling != null && filling.input.position() > 0 || !submittedAny) {
                    submit(filling == null ? nextChunk() : filling);
                    filling = null;
                }
                writeAllSubmitted();
            } finally {
                closed = true;
                filling = null;
                stopWorkers();
                all.forEach(c -> c.lease.close());
            }
        }
    }

    /** Chunks created so far: the stream's memory is this many leases of {@code memberBytes} and their outputs. */
    int chunksCreated() {
        return all.size();
    }

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IOException("kqat gzip stream already closed");
        }
        if (failure != null) {
            throw new IOException("kqat gzip stream failed earlier: " + failure.getMessage(), failure);
        }
    }

    private ByteBuffer room() throws IOException {
        if (filling == null) {
            ensureUsable();
            filling = nextChunk();
        }
        return filling.input;
    }

    private void submitIfFull() throws IOException {
        if (!filling.input.hasRemaining()) {
            Chunk full = filling;
            filling = null;
            submit(full);
        }
    }

    /** An idle chunk, a new one while under the bound, or the oldest one once its member is written. */
    private Chunk nextChunk() throws IOException {
        if (idle.isEmpty() && all.size() < maxChunks) {
            Chunk c = new Chunk(compressor.lease(memberBytes), memberBytes);
            all.add(c);
            return c;
        }
        if (idle.isEmpty()) {
            writeOldest();
        }
        return idle.pop();
    }

    private void submit(Chunk chunk) throws IOException {
        chunk.input.flip();
        if (chunk.output == null) {
            chunk.output = ByteBuffer.allocate(compressor.memberBound(memberBytes));
        }
        chunk.output.clear();
        chunk.done = workers.submit(() -> compressor.compress(chunk.input, chunk.output, level));
        submitted.addLast(chunk);
        submittedAny = true;
        // Keep the target busy: write whatever has finished, in order, without waiting.
        while (!submitted.isEmpty() && submitted.peekFirst().done.isDone()) {
            writeOldest();
        }
    }

    private void writeAllSubmitted() throws IOException {
        while (!submitted.isEmpty()) {
            writeOldest();
        }
    }

    /** Waits for the oldest submitted member, writes it to the target and makes its chunk idle. */
    private void writeOldest() throws IOException {
        Chunk c = submitted.pollFirst();
        try {
            c.done.get();
            target.write(c.output.array(), c.output.arrayOffset(), c.output.position());
            compressor.counters().addTargetBytesCopied(c.output.position());
        } catch (ExecutionException e) {
            throw fail(new IOException("kqat compression failed: " + e.getCause().getMessage(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new InterruptedIOException("interrupted while waiting for a gzip member"));
        } catch (IOException e) {
            throw fail(e);
        }
        c.input.clear().limit(memberBytes);
        idle.push(c);
    }

    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Lets running requests end (a device may still be reading their chunks) before the chunks are given back. */
    private void stopWorkers() {
        submitted.forEach(c -> c.done.cancel(false));
        workers.shutdown();
        boolean interrupted = false;
        while (!workers.isTerminated()) {
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One member's input (lent batch memory, limited to memberBytes) and its compressed output. */
    private static final class Chunk {
        final BufferLease lease;
        final ByteBuffer input;
        ByteBuffer output;
        Future<Integer> done;

        Chunk(BufferLease lease, int memberBytes) {
            this.lease = lease;
            this.input = lease.buffer();
            input.clear().limit(memberBytes);
        }
    }
}
