package io.kqat.codec.backend.qat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one data compression instance reports about itself at start: its capabilities ({@code cpaDcQueryCapabilities})
 * and its place ({@code cpaDcInstanceGetInfo2}: NUMA node, package, accelerator, PCI function). kqat needs stateless
 * deflate both ways, dynamic Huffman, CRC32 and compress-and-verify; an instance missing any is not used.
 */
final class InstanceInfo {
    final String name;
    final String part;
    final String swVersion;
    final int node;
    final int packageId;
    final int acceleratorId;
    final int busAddress;
    final boolean deflateCompress;
    final boolean deflateDecompress;
    final boolean dynamicHuffman;
    final boolean crc32;
    final boolean compressAndVerify;

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

    /** The capabilities kqat needs that this instance lacks, empty when it can serve. */
    List<String> missing() {
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
    String describe() {
        return name + ": node " + node + ", package " + packageId + ", accelerator " + acceleratorId + ", bus "
                + String.format("%02x:%02x.%x", (busAddress >> 8) & 0xff, (busAddress >> 3) & 0x1f, busAddress & 0x7)
                + (part.isEmpty() ? "" : " (" + part + ")");
    }

    /** {@code deflate, dynamic Huffman, CRC32, CnV} as far as present. */
    String capabilities() {
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
