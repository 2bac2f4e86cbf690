package io.kqat.codec.backend.qat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.runtime.DeviceRequests;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Native zstd on a QAT Gen6 (6xxx, qatlib 26.08): one stateless {@code CPA_DC_ZSTD} request per batch (xxHash64 and
 * auto-select-best, which the device requires), read in place from the mapped region; the device writes one standard
 * frame (with content checksum) into a slot of the region, from where the engine copies it out, counted. A frame that
 * does not start with zstd's magic number is a device fault.
 */
final class QatZstdBackend extends QatZstdRung {
    static final String NAME = "qat-zstd";
    /** One request's largest batch. */
    static final int MAX_INPUT = 8 << 20;
    private static final int MAGIC = 0xFD2FB528;

    QatZstdBackend(QatProcess process, RegionStaging region, CompressBound bound, RequestTimeouts timeouts) {
        super(NAME, SessionKind.ZSTD, process, region, bound, timeouts, MAX_INPUT);
    }

    /** The device's own bound ({@code cpaDcZstdCompressBound}). */
    @Override
    public int frameBound(int n) {
        return bound.forInput(n);
    }

    /** The device writes only into the region: the engine gives it a slot and copies the frame out, counted. */
    @Override
    public StagingMemory outputMemory() {
        return region;
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        checkRequest(n, level);
        int room = Math.min(dst.remaining(), bound.forInput(n));
        DeviceRequests.Result r = request(src, n, dst, room, level);
        int at = dst.position();
        if (r.produced() < 4 || littleEndianInt(dst, at) != MAGIC) {
            throw BackendException.fault("QAT zstd output does not start with zstd's magic number");
        }
        src.position(src.limit());
        dst.position(at + (int) r.produced());
        return (int) r.produced();
    }

    private static int littleEndianInt(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) << 16 | (b.get(at + 3) & 0xFF) << 24;
    }

    @Override
    public BackendDetail detail() {
        BackendDetail d = super.detail();
        Map<String, Long> figures = new LinkedHashMap<>(d.figures());
        return new BackendDetail(d.mode(), "native zstd (xxHash64, 64 KiB window); " + d.summary(), figures);
    }
}
