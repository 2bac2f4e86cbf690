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
    final Pointer srcList;
    final Pointer dstList;
    final Pointer opData;
    final Pointer results;
    /** The same four as addresses, for the direct calls. */
    final long srcListAddress;
    final long dstListAddress;
    final long opDataAddress;
    final long resultsAddress;
    private final Pointer srcFlats;
    private final Pointer dstFlats;

    RequestDescriptors(QatLibraries.Usdm usdm, int metaSize, int node) {
        this.usdm = usdm;
        long srcListAt = 0;
        long dstListAt = align(srcListAt + LIST_SIZE);
        long opAt = align(dstListAt + LIST_SIZE);
        long resultsAt = align(opAt + OP_SIZE);
        long srcFlatsAt = align(resultsAt + RESULTS_SIZE);
        long dstFlatsAt = align(srcFlatsAt + (long) FLAT_SIZE * MAX_FLATS);
        long srcMetaAt = align(dstFlatsAt + (long) FLAT_SIZE * MAX_FLATS);
        long dstMetaAt = align(srcMetaAt + metaSize);
        long total = align(dstMetaAt + metaSize);
        this.block = usdm.qaeMemAllocNUMA(total, node, 64);
        if (block == null) {
            throw BackendException.declined("qaeMemAllocNUMA refused " + total + " bytes for request descriptors");
        }
        block.clear(total);
        srcList = block.share(srcListAt);
        dstList = block.share(dstListAt);
        opData = block.share(opAt);
        results = block.share(resultsAt);
        srcFlats = block.share(srcFlatsAt);
        srcListAddress = Pointer.nativeValue(srcList);
        dstListAddress = Pointer.nativeValue(dstList);
        opDataAddress = Pointer.nativeValue(opData);
        resultsAddress = Pointer.nativeValue(results);
        dstFlats = block.share(dstFlatsAt);
        srcList.setPointer(LIST_BUFFERS, srcFlats);
        srcList.setPointer(LIST_META, block.share(srcMetaAt));
        dstList.setPointer(LIST_BUFFERS, dstFlats);
        dstList.setPointer(LIST_META, block.share(dstMetaAt));
    }

    private static long align(long offset) {
        return (offset + 63) & ~63L;
    }

    /** Describes [address, address+length) of {@code lease} as the source list. */
    void source(DeviceLease lease, long address, long length, int flatBytes) {
        fill(srcList, srcFlats, lease, address, length, flatBytes);
    }

    void destination(DeviceLease lease, long address, long length, int flatBytes) {
        fill(dstList, dstFlats, lease, address, length, flatBytes);
    }

    private static void fill(Pointer list, Pointer flats, DeviceLease lease, long address, long length, int flatBytes) {
        int n = Flats.count(lease, address, length, flatBytes);
        if (n > MAX_FLATS) {
            throw new IllegalArgumentException(length + " bytes need " + n + " flat buffers, at most " + MAX_FLATS);
        }
        Flats.write(flats, FLAT_SIZE, FLAT_LEN, FLAT_DATA, lease, address, length, flatBytes);
        list.setInt(LIST_NUM, n);
    }

    /** Flats in the source list as last described. */
    int sourceFlats() {
        return srcList.getInt(LIST_NUM);
    }

    /** Operation data for one stateless request; the CRC seed in the results is 0 (a whole batch). */
    void prepare(boolean compress, boolean compressAndVerify) {
        opData.clear(OP_SIZE);
        opData.setInt(OP_FLUSH, CpaStatus.FLUSH_FINAL);
        opData.setInt(OP_VERIFY, compress && compressAndVerify ? 1 : 0);
        results.clear(RESULTS_SIZE);
    }

    int resultStatus() {
        return results.getInt(RESULT_STATUS);
    }

    long resultProduced() {
        return Integer.toUnsignedLong(results.getInt(RESULT_PRODUCED));
    }

    long resultConsumed() {
        return Integer.toUnsignedLong(results.getInt(RESULT_CONSUMED));
    }

    boolean resultEndOfLastBlock() {
        return results.getInt(RESULT_END_OF_LAST_BLOCK) != 0;
    }

    boolean resultDataUncompressed() {
        return results.getInt(RESULT_DATA_UNCOMPRESSED) != 0;
    }

    long resultChecksum() {
        return Integer.toUnsignedLong(results.getInt(RESULT_CHECKSUM));
    }

    void free() {
        usdm.qaeMemFreeNUMA(new PointerByReference(block));
    }
}
