package io.kqat.codec.backend.qat.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one data compression instance reports about itself at start: its capabilities ({@code cpaDcQueryCapabilities})
 * and its place ({@code cpaDcInstanceGetInfo2}: NUMA node, package, accelerator, PCI function). kqat needs stateless
 * deflate both ways, dynamic Huffman, CRC32 and compress-and-verify; an instance missing any is not used.
 */
public final class InstanceInfo {
    private final String name;
    private final String part;
    private final String swVersion;
    private final int node;
    private final int packageId;
    private final int acceleratorId;
    private final int busAddress;
    private final boolean deflateCompress;
    private final boolean deflateDecompress;
    private final boolean dynamicHuffman;
    private final boolean crc32;
    private final boolean compressAndVerify;

    InstanceInfo(String name, String part, String swVersion, int node, int packageId, int acceleratorId, int busAddress,
                 boolean deflateCompress, boolean deflateDecompress, boolean dynamicHuffman, boolean crc32,
                 boolean compressAndVerify) {
        this.name = name;
        this.part = part;
        this.swVersion = swVersion;
        this.node = node;
        this.packageId = packageId;
        this.acceleratorId = acceleratorId;
        this.busAddress = busAddress;
        this.deflateCompress = deflateCompress;
        this.deflateDecompress = deflateDecompress;
        this.dynamicHuffman = dynamicHuffman;
        this.crc32 = crc32;
        this.compressAndVerify = compressAndVerify;
    }

    /** The instance's name ({@code dc0} when the library gives none). */
    public String name() {
        return name;
    }

    /** The device's part name as qatlib reports it ({@code 4xxxvf ...}, {@code 6xxxvf ...}), empty when none. */
    public String part() {
        return part;
    }

    /** The NUMA node the instance is attached to. */
    public int node() {
        return node;
    }

    /** The capabilities kqat needs that this instance lacks, empty when it can serve. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (!deflateCompress || !deflateDecompress) {
            m.add("stateless deflate");
        }
        if (!dynamicHuffman) {
            m.add("dynamic Huffman");
        }
        if (!crc32) {
            m.add("CRC32");
        }
        if (!compressAndVerify) {
            m.add("compress-and-verify (qatlib refuses compression without it)");
        }
        return Collections.unmodifiableList(m);
    }

    /** {@code dc0: node 0, accelerator 0 (4xxxvf ..., bus 6b:00.1)}. */
    public String describe() {
        return name + ": node " + node + ", package " + packageId + ", accelerator " + acceleratorId + ", bus "
                + String.format("%02x:%02x.%x", (busAddress >> 8) & 0xff, (busAddress >> 3) & 0x1f, busAddress & 0x7)
                + (part.isEmpty() ? "" : " (" + part + ")");
    }

    /** {@code deflate, dynamic Huffman, CRC32, CnV} as far as present. */
    public String capabilities() {
        List<String> c = new ArrayList<>();
        if (deflateCompress && deflateDecompress) {
            c.add("deflate");
        }
        if (dynamicHuffman) {
            c.add("dynamic Huffman");
        }
        if (crc32) {
            c.add("CRC32");
        }
        if (compressAndVerify) {
            c.add("CnV");
        }
        return String.join(", ", c);
    }
}
