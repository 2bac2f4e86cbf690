package io.kqat.codec.backend.qat;

/**
 * Every rule that depends on the QAT generation or the qatlib release, in one place: how many flat buffers a list may
 * hold, how large one flat is, the worst-case output of a compression, whether compress-and-verify is required.
 * A new rule is one edit here.
 */
final class DeviceProfile {
    static final DeviceProfile DEFAULT = new DeviceProfile(256, SlotArena.SLOT_SIZE);

    private final int maxFlats;
    private final int flatBytes;

    DeviceProfile(int maxFlats, int flatBytes) {
        this.maxFlats = maxFlats;
        this.flatBytes = flatBytes;
    }

    /** Flat buffers per buffer list. */
    int maxFlats() {
        return maxFlats;
    }

    /** Bytes per flat buffer (the slot size: one flat never spans two slots). */
    int flatBytes() {
        return flatBytes;
    }

    /** The most one request reads, and the most it may write. */
    int maxRequestBytes() {
        return maxFlats * flatBytes;
    }

    /** Worst-case raw deflate output for {@code n} input bytes. */
    int deflateBound(int n) {
        return n + (n >>> 3) + 1024;
    }

    /** Compress requests ask the device to verify its output by inflating it. */
    boolean compressAndVerify() {
        return true;
    }
}
