package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.Flats;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaBufferList;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcOpData;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcRqResults;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaFlatBuffer;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The descriptors of one request, in one pinned block the device can read (on the NUMA node of the instances it serves):
 * source and destination buffer lists with room for 255 flat buffers each and their metadata, the operation data and
 * the results. Written by offset (from the structures' JNA layouts) so a request costs no allocation. One block serves
 * one request at a time.
 */
final class RequestDescriptors {
    static final int MAX_FLATS = DeviceProfile.MAX_FLATS;

    private static final int LIST_SIZE = CpaStructs.size(CpaBufferList.class);
    private static final int LIST_NUM = CpaStructs.offset(CpaBufferList.class, "numBuffers");
    private static final int LIST_BUFFERS = CpaStructs.offset(CpaBufferList.class, "pBuffers");
    private static final int LIST_META = CpaStructs.offset(CpaBufferList.class, "pPrivateMetaData");
    private static final int FLAT_SIZE = CpaStructs.size(CpaFlatBuffer.class);
    private static final int FLAT_LEN = CpaStructs.offset(CpaFlatBuffer.class, "dataLenInBytes");
    private static final int FLAT_DATA = CpaStructs.offset(CpaFlatBuffer.class, "pData");
    private static final int OP_SIZE = CpaStructs.size(CpaDcOpData.class);
    private static final int OP_FLUSH = CpaStructs.offset(CpaDcOpData.class, "flushFlag");
    private static final int OP_VERIFY = CpaStructs.offset(CpaDcOpData.class, "compressAndVerify");
    private static final int RESULTS_SIZE = CpaStructs.size(CpaDcRqResults.class);
    static final int RESULT_STATUS = CpaStructs.offset(CpaDcRqResults.class, "status");
    static final int RESULT_PRODUCED = CpaStructs.offset(CpaDcRqResults.class, "produced");
    static final int RESULT_CONSUMED = CpaStructs.offset(CpaDcRqResults.class, "consumed");
    static final int RESULT_CHECKSUM = CpaStructs.offset(CpaDcRqResults.class, "checksum");
    static final int RESULT_END_OF_LAST_BLOCK = CpaStructs.offset(CpaDcRqResults.class, "endOfLastBlock");
    static final int RESULT_DATA_UNCOMPRESSED = CpaStructs.offset(CpaDcRqResults.class, "dataUncompressed");

    private final QatLibraries.Usdm usdm;
    private final Pointer block;
    /**
     * The whole block as one direct buffer, made once: a request writes and reads its descriptors through it, with no
     * JNI call (JNA's Pointer accessors make one per field).
     */
    private final ByteBuffer view;
    /** Offsets in the block. */
    private final int srcListAt;
    private final int dstListAt;
    private final int opAt;
    private final int resultsAt;
    private final int srcFlatsAt;
    private final int dstFlatsAt;
    /** Addresses of the four structures, for the direct calls. */
    final long srcListAddress;
    final long dstListAddress;
    final long opDataAddress;
    final long resultsAddress;

    RequestDescriptors(QatLibraries.Usdm usdm, int metaSize, int node) {
        this.usdm = usdm;
        srcListAt = 0;
        dstListAt = align(srcListAt + LIST_SIZE);
        opAt = align(dstListAt + LIST_SIZE);
        resultsAt = align(opAt + OP_SIZE);
        srcFlatsAt = align(resultsAt + RESULTS_SIZE);
        dstFlatsAt = align(srcFlatsAt + FLAT_SIZE * MAX_FLATS);
        int srcMetaAt = align(dstFlatsAt + FLAT_SIZE * MAX_FLATS);
        int dstMetaAt = align(srcMetaAt + metaSize);
        int total = align(dstMetaAt + metaSize);
        this.block = usdm.qaeMemAllocNUMA(total, node, 64);
        if (block == null) {
            throw BackendException.declined("qaeMemAllocNUMA refused " + total + " bytes for request descriptors");
        }
        block.clear(total);
        view = block.getByteBuffer(0, total).order(ByteOrder.nativeOrder());
        long base = Pointer.nativeValue(block);
        srcListAddress = base + srcListAt;
        dstListAddress = base + dstListAt;
        opDataAddress = base + opAt;
        resultsAddress = base + resultsAt;
        view.putLong(srcListAt + LIST_BUFFERS, base + srcFlatsAt);
        view.putLong(srcListAt + LIST_META, base + srcMetaAt);
        view.putLong(dstListAt + LIST_BUFFERS, base + dstFlatsAt);
        view.putLong(dstListAt + LIST_META, base + dstMetaAt);
    }

    private static int align(int offset) {
        return (offset + 63) & ~63;
    }

    /** Describes [address, address+length) of {@code lease} as the source list. */
    void source(DeviceLease lease, long address, long length, int flatBytes) {
        fill(srcListAt, srcFlatsAt, lease, address, length, flatBytes);
    }

    void destination(DeviceLease lease, long address, long length, int flatBytes) {
        fill(dstListAt, dstFlatsAt, lease, address, length, flatBytes);
    }

    private void fill(int listAt, int flatsAt, DeviceLease lease, long address, long length, int flatBytes) {
        int n = Flats.count(lease, address, length, flatBytes);
        if (n > MAX_FLATS) {
            throw new IllegalArgumentException(length + " bytes need " + n + " flat buffers, at most " + MAX_FLATS);
        }
        Flats.write(view, flatsAt, FLAT_SIZE, FLAT_LEN, FLAT_DATA, lease, address, length, flatBytes);
        view.putInt(listAt + LIST_NUM, n);
    }

    /** Flats in the source list as last described. */
    int sourceFlats() {
        return view.getInt(srcListAt + LIST_NUM);
    }

    /** Operation data for one stateless request; the CRC seed in the results is 0 (a whole batch). */
    void prepare(boolean compress, boolean compressAndVerify) {
        zero(opAt, OP_SIZE);
        view.putInt(opAt + OP_FLUSH, CpaStatus.FLUSH_FINAL);
        view.putInt(opAt + OP_VERIFY, compress && compressAndVerify ? 1 : 0);
        zero(resultsAt, RESULTS_SIZE);
    }

    private void zero(int at, int size) {
        int i = 0;
        for (; i + 8 <= size; i += 8) {
            view.putLong(at + i, 0L);
        }
        for (; i < size; i++) {
            view.put(at + i, (byte) 0);
        }
    }

    int resultStatus() {
        return view.getInt(resultsAt + RESULT_STATUS);
    }

    long resultProduced() {
        return Integer.toUnsignedLong(view.getInt(resultsAt + RESULT_PRODUCED));
    }

    long resultConsumed() {
        return Integer.toUnsignedLong(view.getInt(resultsAt + RESULT_CONSUMED));
    }

    boolean resultEndOfLastBlock() {
        return view.getInt(resultsAt + RESULT_END_OF_LAST_BLOCK) != 0;
    }

    boolean resultDataUncompressed() {
        return view.getInt(resultsAt + RESULT_DATA_UNCOMPRESSED) != 0;
    }

    long resultChecksum() {
        return Integer.toUnsignedLong(view.getInt(resultsAt + RESULT_CHECKSUM));
    }

    void free() {
        usdm.qaeMemFreeNUMA(new PointerByReference(block));
    }
}
