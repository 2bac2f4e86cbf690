package io.kqat.stress.fuzz;

import static io.kqat.testkit.GzipFixtures.concat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns valid gzip into the inputs a decoder must survive: bit flips, truncation at every kind of boundary, forged
 * ISIZE and CRC (huge claims included), zero padding, trailing garbage, header fields that lie, spliced bodies, empty
 * input. Each mutation is named, so the report says which kinds were tried how often.
 */
final class Mutator {
    private Mutator() {
    }

    /** The mutated bytes and the names of what was done, e.g. {@code truncate-trailer+zero-padding}. */
    static final class Mutated {
        final byte[] bytes;
        final String what;

        Mutated(byte[] bytes, String what) {
            this.bytes = bytes;
            this.what = what;
        }
    }

    static Mutated mutate(SplittableRandom r, Layout layout) {
        byte[] b = layout.bytes();
        int p = r.nextInt(100);
        if (p < 18) {
            return new Mutated(b, "none");
        }
        int count = p >= 92 ? 2 + r.nextInt(2) : 1;
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Mutated m = once(r, b, layout.members());
            b = m.bytes;
            what.append(what.length() == 0 ? "" : "+").append(m.what);
        }
        return new Mutated(b, what.toString());
    }

    private static Mutated once(SplittableRandom r, byte[] b, List<Layout.Member> members) {
        Layout.Member m = members.get(r.nextInt(members.size()));
        int p = r.nextInt(100);
        if (p < 16) {
            return new Mutated(flipBits(r, b, 1 + r.nextInt(8), 0, b.length), "bit-flip");
        }
        if (p < 22) {
            return new Mutated(flipBits(r, b, 1 + r.nextInt(3), m.start, Math.min(b.length, m.body)), "bit-flip-header");
        }
        if (p < 28) {
            return new Mutated(flipBits(r, b, 1 + r.nextInt(3), Math.min(b.length, m.trailer), Math.min(b.length, m.end)),
                    "bit-flip-trailer");
        }
        if (p < 46) {
            return truncate(r, b, m);
        }
        if (p < 54) {
            return new Mutated(forgeInt(b, m, 4, isize(r)), "forged-isize");
        }
        if (p < 58) {
            return new Mutated(forgeInt(b, m, 0, r.nextInt()), "forged-crc");
        }
        if (p < 66) {
            return new Mutated(concat(b, new byte[r.nextInt(8) == 0 ? 1 : 1 + r.nextInt(4096)]), "zero-padding");
        }
        if (p < 74) {
            return FramingMutations.trailingGarbage(r, b, m);
        }
        if (p < 84) {
            return FramingMutations.header(r, b, m);
        }
        if (p < 92) {
            return splice(r, b, m);
        }
        if (p < 94) {
            return new Mutated(new byte[0], "empty");
        }
        if (p < 97) {
            return new Mutated(Arrays.copyOf(b, Math.min(b.length, m.end)), "cut-after-member");
        }
        return new Mutated(concat(b, Arrays.copyOfRange(b, Math.min(m.start, b.length), Math.min(b.length, m.end))), "repeat-member");
    }

    private static byte[] flipBits(SplittableRandom r, byte[] src, int bits, int from, int to) {
        byte[] b = src.clone();
        if (to <= from) {
            return b;
        }
        for (int i = 0; i < bits; i++) {
            int at = from + r.nextInt(to - from);
            b[at] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    /** Cut inside the magic, the fixed header, the optional fields, just after the header, the body, the trailer. */
    private static Mutated truncate(SplittableRandom r, byte[] b, Layout.Member m) {
        int at;
        String where;
        switch (r.nextInt(7)) {
            case 0:
                at = m.start + r.nextInt(3);
                where = "truncate-magic";
                break;
            case 1:
                at = m.start + 3 + r.nextInt(7);
                where = "truncate-fixed-header";
                break;
            case 2:
                at = m.body - 1 - r.nextInt(Math.max(1, m.body - m.start - 10));
                where = "truncate-optional-fields";
                break;
            case 3:
                at = m.body;
                where = "truncate-after-header";
                break;
            case 4:
                at = m.body + r.nextInt(Math.max(1, m.trailer - m.body));
                where = "truncate-body";
                break;
            case 5:
                at = m.trailer + r.nextInt(8);
                where = "truncate-trailer";
                break;
            default:
                at = r.nextInt(b.length + 1);
                where = "truncate-anywhere";
        }
        at = Math.max(0, Math.min(at, b.length));
        return new Mutated(Arrays.copyOf(b, at), where);
    }

    private static int isize(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0:
                return -1; // 4 GiB - 1: the largest claim
            case 1:
                return 0;
            case 2:
                return 0x7fffffff;
            default:
                return r.nextInt();
        }
    }

    /** Overwrites the CRC (offset 0) or ISIZE (offset 4) of a member's trailer. */
    private static byte[] forgeInt(byte[] src, Layout.Member m, int offset, int value) {
        byte[] b = src.clone();
        if (m.trailer + offset + 4 <= b.length) {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(m.trailer + offset, value);
        }
        return b;
    }

    /** Deletes, inserts or repeats a piece of a member's body. */
    private static Mutated splice(SplittableRandom r, byte[] b, Layout.Member m) {
        int from = Math.min(b.length, m.body);
        int to = Math.min(b.length, m.end);
        if (to <= from) {
            return new Mutated(b, "splice-nothing");
        }
        int at = from + r.nextInt(to - from);
        int len = 1 + r.nextInt(Math.min(64, to - at));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        out.write(b, 0, at);
        String what;
        switch (r.nextInt(3)) {
            case 0:
                out.write(b, at + len, b.length - at - len);
                what = "splice-delete";
                break;
            case 1:
                byte[] ins = new byte[len];
                r.nextBytes(ins);
                out.write(ins, 0, len);
                out.write(b, at, b.length - at);
                what = "splice-insert";
                break;
            default:
                out.write(b, at, len);
                out.write(b, at, b.length - at);
                what = "splice-repeat";
        }
        return new Mutated(out.toByteArray(), what);
    }

}
