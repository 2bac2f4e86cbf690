package io.kqat.codec.backend.qat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.nio.charset.StandardCharsets;

/**
 * The read-only questions kqat asks an instance at start: capabilities ({@code CpaDcInstanceCapabilities}, 152 bytes),
 * placement ({@code CpaInstanceInfo2}, 932 bytes), and the worst-case output of a compression
 * ({@code cpaDcDeflateCompressBound}). Structures are read by offset (cpa_dc.h and cpa.h, identical from qatlib 22.07
 * to 26.08; the tests hold them to the emulator's copies of the headers).
 */
final class DeviceQuery {
    static final int CAPABILITIES_SIZE = 152;
    static final int CAP_STATELESS_DEFLATE_COMPRESS = 56;
    static final int CAP_STATELESS_DEFLATE_DECOMPRESS = 60;
    static final int CAP_CRC32 = 80;
    static final int CAP_DYNAMIC_HUFFMAN = 92;
    static final int CAP_COMPRESS_AND_VERIFY = 128;

    static final int INFO_SIZE = 932;
    static final int INFO_PART_NAME = 68;
    static final int INFO_SW_VERSION = 132;
    static final int INFO_INST_NAME = 196;
    static final int INFO_PACKAGE_ID = 388;
    static final int INFO_ACCELERATOR_ID = 390;
    static final int INFO_BUS_ADDRESS = 394;
    static final int INFO_NODE_AFFINITY = 912;
    private static final int NAME_BYTES = 64;

    private DeviceQuery() {
    }

    /**
     * @param index the instance's position, its name when the library reports none
     * @throws QatProcess.StartException when either query fails
     */
    static InstanceInfo describe(QatLibraries.Dc dc, Pointer instance, int index) {
        try (Memory caps = new Memory(CAPABILITIES_SIZE); Memory info = new Memory(INFO_SIZE)) {
            caps.clear(CAPABILITIES_SIZE);
            info.clear(INFO_SIZE);
            int status = dc.cpaDcQueryCapabilities(instance, caps);
            if (status != CpaStatus.SUCCESS) {
                throw new QatProcess.StartException("cpaDcQueryCapabilities failed for instance " + index + " ("
                        + CpaStatus.name(status) + ")");
            }
            status = dc.cpaDcInstanceGetInfo2(instance, info);
            if (status != CpaStatus.SUCCESS) {
                throw new QatProcess.StartException("cpaDcInstanceGetInfo2 failed for instance " + index + " ("
                        + CpaStatus.name(status) + ")");
            }
            String name = text(info, INFO_INST_NAME);
            return new InstanceInfo(name.isEmpty() ? "dc" + index : name, text(info, INFO_PART_NAME),
                    text(info, INFO_SW_VERSION), info.getInt(INFO_NODE_AFFINITY),
                    Short.toUnsignedInt(info.getShort(INFO_PACKAGE_ID)),
                    Short.toUnsignedInt(info.getShort(INFO_ACCELERATOR_ID)),
                    Short.toUnsignedInt(info.getShort(INFO_BUS_ADDRESS)),
                    flag(caps, CAP_STATELESS_DEFLATE_COMPRESS), flag(caps, CAP_STATELESS_DEFLATE_DECOMPRESS),
                    flag(caps, CAP_DYNAMIC_HUFFMAN), flag(caps, CAP_CRC32), flag(caps, CAP_COMPRESS_AND_VERIFY));
        }
    }

    /** The device's worst-case raw deflate output for {@code n} input bytes (dynamic Huffman), or -1 when refused. */
    static long compressBound(QatLibraries.Dc dc, Pointer instance, int n) {
        IntByReference out = new IntByReference();
        int status = dc.cpaDcDeflateCompressBound(instance, CpaStatus.HUFF_DYNAMIC, n, out);
        return status == CpaStatus.SUCCESS ? Integer.toUnsignedLong(out.getValue()) : -1;
    }

    private static boolean flag(Pointer p, int offset) {
        return p.getInt(offset) != 0;
    }

    private static String text(Pointer p, int offset) {
        byte[] raw = p.getByteArray(offset, NAME_BYTES);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.US_ASCII).trim();
    }
}
