package io.kqat.codec.backend.qat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.BufferLease;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.runtime.DeviceRequests;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.libzstd.SequenceCompressor;
import io.kqat.codec.zstd.lz4s.Lz4sConverter;
import io.kqat.codec.zstd.lz4s.Lz4sFormatException;
import io.kqat.codec.zstd.lz4s.Lz4sShape;
import io.kqat.codec.zstd.spi.Sequences;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * zstd through QAT Gen4/Gen5 (and any device with LZ4s): the batch, where it lies in the mapped region, goes to the
 * device as one stateless LZ4s request (3-byte matches, compress-and-verify); the LZ4s, in a slot of the region, is
 * turned into zstd sequences by {@link Lz4sConverter} (which refuses any stream the format forbids), and libzstd
 * entropy-codes them into one standard frame ({@link SequenceCompressor}: {@code ZSTD_compressSequences}, validated),
 * reading the literals from the batch where it is and writing the frame straight into the destination. The only bytes
 * that move are the device's LZ4s and libzstd's frame: no copy of the batch. Matches reach at most the device's
 * history (32 KiB on 4xxx/420xx, 64 KiB on 6xxx) within the batch: nothing crosses batches, as in Kafka's frames.
 */
final class QatLz4sBackend extends QatZstdRung {
    static final String NAME = "qat-lz4s";
    /** One request's largest batch: Kafka's default max.request.size; the sequences of one are 5.6 MB. */
    static final int MAX_INPUT = 1 << 20;
    private static final int MIN_MATCH = 3;

    private final Lz4sConverter converter;
    private final SequenceCompressor entropy;
    private final ContextPool<Sequences> sequences = new ContextPool<>(() -> new Sequences(MAX_INPUT), s -> { });
    private final int window;
    private final LongAdder storedByDevice = new LongAdder();
    /** What the device's streams looked like since start (device-test reports it); replaced after the self test. */
    private volatile Lz4sShape shape = new Lz4sShape();

    QatLz4sBackend(QatProcess process, RegionStaging region, CompressBound bound, RequestTimeouts timeouts, int window,
                   SequenceCompressor entropy) {
        super(NAME, SessionKind.LZ4S, process, region, bound, timeouts, MAX_INPUT);
        this.window = window;
        this.converter = new Lz4sConverter(MIN_MATCH, window);
        this.entropy = entropy;
    }

    /** The frame libzstd writes for a parse of {@code n} bytes: at most {@code ZSTD_COMPRESSBOUND(n)}. */
    @Override
    public int frameBound(int n) {
        return (int) Math.min(Integer.MAX_VALUE - 8, (long) n + (n >>> 8) + (n < (128 << 10) ? ((128 << 10) - n) >>> 11 : 0));
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        checkRequest(n, level);
        int lz4sBound = bound.forInput(n);
        try (BufferLease scratch = region.lease(lz4sBound)) {
            if (scratch == null) {
                throw BackendException.declined("no slot of the QAT region free for " + lz4sBound + " bytes of LZ4s");
            }
            ByteBuffer lz4s = scratch.buffer();
            DeviceRequests.Result r = request(src, n, lz4s, lz4sBound, level);
            Sequences parse = sequences.borrow();
            try {
                if (r.dataUncompressed()) {
                    storedByDevice.increment(); // the device kept the input as it was: one literal run per zstd block
                    parse.clear();
                    for (int left = n; left > 0; left -= Math.min(left, Sequences.BLOCK_MAX)) {
                        parse.delimiter(Math.min(left, Sequences.BLOCK_MAX));
                    }
                } else {
                    converter.convert(lz4s.duplicate().position(0).limit((int) r.produced()), n, parse, shape);
                }
                int produced = entropy.compress(src.duplicate(), parse, dst, level);
                src.position(src.limit());
                return produced;
            } catch (Lz4sFormatException e) {
                throw BackendException.fault("QAT wrote LZ4s that breaks the format: " + e.getMessage(), e);
            } finally {
                sequences.giveBack(parse);
            }
        }
    }

    @Override
    public BackendDetail detail() {
        BackendDetail d = super.detail();
        Map<String, Long> figures = new LinkedHashMap<>(d.figures());
        figures.put("lz4sWindow", (long) window);
        figures.put("storedByDevice", storedByDevice.sum());
        figures.putAll(shape.figures());
        return new BackendDetail(d.mode(), "LZ4s (min match 3, " + (window >> 10) + " KiB history) "
                + "entropy-coded by libzstd; " + d.summary(), figures);
    }

    @Override
    void resetCounters() {
        super.resetCounters();
        shape = new Lz4sShape();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            sequences.close();
            entropy.close();
        }
    }
}
