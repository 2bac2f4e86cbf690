package io.kqat.codec.backend.qat.device;

import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcSessionSetupData;

/**
 * What a stateless session is set up for, as {@code CpaDcSessionSetupData} says it: raw deflate with CRC32 (gzip);
 * LZ4s with 3-byte matches and no checksum (the match-finding of zstd on Gen4/Gen5: 3-byte matches are what zstd takes,
 * the plugin's choice too; xxHash32 would be unused work); native zstd with xxHash64 and auto-select-best enabled (a
 * Gen6 refuses a zstd compression session without either). Every kind asks for dynamic Huffman: a 6xxx has no static.
 */
public final class SessionKind {
    public static final SessionKind DEFLATE = new SessionKind("deflate", CpaStatus.DC_DEFLATE, CpaStatus.CHECKSUM_CRC32,
            CpaStatus.ASB_DISABLED, true);
    public static final SessionKind LZ4S = new SessionKind("LZ4s", CpaStatus.DC_LZ4S, CpaStatus.CHECKSUM_NONE,
            CpaStatus.ASB_DISABLED, false);
    public static final SessionKind ZSTD = new SessionKind("zstd", CpaStatus.DC_ZSTD, CpaStatus.CHECKSUM_XXHASH64,
            CpaStatus.ASB_ENABLED, false);

    private final String name;
    private final int compType;
    private final int checksum;
    private final int autoSelectBest;
    private final boolean decompresses;

    private SessionKind(String name, int compType, int checksum, int autoSelectBest, boolean decompresses) {
        this.name = name;
        this.compType = compType;
        this.checksum = checksum;
        this.autoSelectBest = autoSelectBest;
        this.decompresses = decompresses;
    }

    /** Fills a stateless session's setup for one direction and QAT level (1-12). */
    public void describe(CpaDcSessionSetupData setup, boolean compress, int level) {
        if (!compress && !decompresses) {
            throw new IllegalArgumentException(name + " sessions compress only here");
        }
        setup.compLevel = compress ? level : 1;
        setup.compType = compType;
        setup.huffType = CpaStatus.HUFF_DYNAMIC;
        setup.autoSelectBestHuffmanTree = autoSelectBest;
        setup.sessDirection = compress ? CpaStatus.DIR_COMPRESS : CpaStatus.DIR_DECOMPRESS;
        setup.sessState = CpaStatus.STATELESS;
        setup.minMatch = CpaStatus.MIN_3_BYTE_MATCH;
        setup.checksum = checksum;
    }

    public int compType() {
        return compType;
    }

    @Override
    public String toString() {
        return name;
    }
}
