package io.kqat.codec.backend.qat.device;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcInstanceCapabilities;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaInstanceInfo2;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.nio.charset.StandardCharsets;

/**
 * The read-only questions kqat asks an instance at start: capabilities ({@code CpaDcInstanceCapabilities}), placement
 * ({@code CpaInstanceInfo2}), and the worst-case output of a compression ({@code cpaDcDeflateCompressBound}). The
 * answers are read through their JNA structures ({@link CpaStructs}).
 */
public final class DeviceQuery {
    private DeviceQuery() {
    }

    /**
     * @param index the instance's position, its name when the library reports none
     * @throws StartException when either query fails
     */
    public static InstanceInfo describe(QatLibraries.Dc dc, Pointer instance, int index) {
        CpaDcInstanceCapabilities caps = new CpaDcInstanceCapabilities();
        CpaInstanceInfo2 info = new CpaInstanceInfo2();
        caps.clear();
        info.clear();
        int status = dc.cpaDcQueryCapabilities(instance, caps.getPointer());
        if (status != CpaStatus.SUCCESS) {
            throw new StartException("cpaDcQueryCapabilities failed for instance " + index + " ("
                    + CpaStatus.name(status) + ")");
        }
        status = dc.cpaDcInstanceGetInfo2(instance, info.getPointer());
        if (status != CpaStatus.SUCCESS) {
            throw new StartException("cpaDcInstanceGetInfo2 failed for instance " + index + " ("
                    + CpaStatus.name(status) + ")");
        }
        caps.read();
        info.read();
        String name = text(info.instName);
        return new InstanceInfo(name.isEmpty() ? "dc" + index : name, text(info.partName), text(info.swVersion),
                info.nodeAffinity, Short.toUnsignedInt(info.physInstId.packageId),
                Short.toUnsignedInt(info.physInstId.acceleratorId), Short.toUnsignedInt(info.physInstId.busAddress),
                caps.statelessDeflateCompression != 0, caps.statelessDeflateDecompression != 0,
                caps.dynamicHuffman != 0, caps.checksumCRC32 != 0, caps.compressAndVerify != 0);
    }

    /** The device's worst-case raw deflate output for {@code n} input bytes (dynamic Huffman), or -1 when refused. */
    public static long compressBound(QatLibraries.Dc dc, Pointer instance, int n) {
        IntByReference out = new IntByReference();
        int status = dc.cpaDcDeflateCompressBound(instance, CpaStatus.HUFF_DYNAMIC, n, out);
        return status == CpaStatus.SUCCESS ? Integer.toUnsignedLong(out.getValue()) : -1;
    }

    /** A NUL-padded ASCII name, up to its first NUL, trimmed. */
    private static String text(byte[] raw) {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.US_ASCII).trim();
    }
}
