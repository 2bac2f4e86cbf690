package io.kqat.stress.fuzz;

import io.kqat.codec.gzip.GzipFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An independent reading of RFC 1952, used to explain a difference from {@link java.util.zip.GZIPInputStream}: how
 * many complete, valid members the input starts with, what they decode to, and what follows them (nothing, zeros,
 * or other bytes). With {@code ignoreReservedFlags} it reads headers as GZIPInputStream does.
 */
final class StrictScan {
    enum Rest { NOTHING, ZEROS, OTHER }

    final int members;
    final byte[] output;
    final Rest rest;
    /** The scan stopped at a header with reserved flag bits set. */
    final boolean stoppedAtReservedFlags;

    private StrictScan(int members, byte[] output, Rest rest, boolean stoppedAtReservedFlags) {
        this.members = members;
        this.output = output;
        this.rest = rest;
        this.stoppedAtReservedFlags = stoppedAtReservedFlags;
    }

    static StrictScan of(byte[] input, boolean ignoreReservedFlags) {
        ByteBuffer b = ByteBuffer.wrap(ignoreReservedFlags ? input.clone() : input); // headers are cleaned in a copy
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int members = 0;
        boolean reserved = false;
        while (b.hasRemaining()) {
            int start = b.position();
            if (b.remaining() >= 4 && (b.get(start + 3) & 0xe0) != 0) {
                if (!ignoreReservedFlags) {
                    reserved = b.get(start) == 0x1f && b.get(start + 1) == (byte) 0x8b && b.get(start + 2) == 8;
                    break;
                }
                b.put(start + 3, (byte) (b.get(start + 3) & 0x1f));
            }
            byte[] member = member(b);
            if (member == null) {
                b.position(start);
                break;
            }
            out.write(member, 0, member.length);
            members++;
        }
        Rest rest = !b.hasRemaining() ? Rest.NOTHING : allZeros(b) ? Rest.ZEROS : Rest.OTHER;
        return new StrictScan(members, out.toByteArray(), rest, reserved);
    }

    /** One complete valid member at b's position (advanced past it), or null. */
    private static byte[] member(ByteBuffer b) {
        try {
            GzipFormat.skipHeader(b);
        } catch (RuntimeException e) {
            return null;
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(b.array(), b.position(), b.remaining());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                out.write(buf, 0, n);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    return null;
                }
            }
            b.position(b.limit() - inf.getRemaining());
            if (b.remaining() < 8) {
                return null;
            }
            byte[] data = out.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(data);
            ByteBuffer t = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            if ((t.getInt(0) & 0xffffffffL) != crc.getValue() || (t.getInt(4) & 0xffffffffL) != (data.length & 0xffffffffL)) {
                return null;
            }
            b.position(b.position() + 8);
            return data;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    private static boolean allZeros(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
