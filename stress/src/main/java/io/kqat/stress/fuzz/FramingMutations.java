package io.kqat.stress.fuzz;

import static io.kqat.testkit.GzipFixtures.concat;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The mutations of a member's framing: header fields that lie, and what follows the last member. */
final class FramingMutations {
    private FramingMutations() {
    }

    /** Bytes after the last member: random, a lone magic, part of a member, zeros then a byte, one byte. */
    static Mutator.Mutated trailingGarbage(SplittableRandom r, byte[] b, Layout.Member m) {
        byte[] tail;
        String what;
        switch (r.nextInt(5)) {
            case 0:
                tail = new byte[1 + r.nextInt(64)];
                r.nextBytes(tail);
                what = "garbage-random";
                break;
            case 1:
                tail = new byte[] {0x1f, (byte) 0x8b};
                what = "garbage-magic-only";
                break;
            case 2:
                int s = Math.min(m.start, b.length);
                tail = Arrays.copyOfRange(b, s, Math.min(b.length, s + 1 + r.nextInt(Math.max(1, m.end - m.start))));
                what = "garbage-partial-member";
                break;
            case 3:
                tail = concat(new byte[1 + r.nextInt(16)], new byte[] {(byte) (1 + r.nextInt(255))});
                what = "garbage-after-zeros";
                break;
            default:
                tail = new byte[] {(byte) (1 + r.nextInt(255))};
                what = "garbage-one-byte";
        }
        return new Mutator.Mutated(concat(b, tail), what);
    }

    /** Header fields that lie: method, reserved flag bits, FTEXT, optional-field flags the header does not carry. */
    static Mutator.Mutated header(SplittableRandom r, byte[] src, Layout.Member m) {
        byte[] b = src.clone();
        if (m.start + 4 > b.length) {
            return new Mutator.Mutated(b, "header-too-short");
        }
        switch (r.nextInt(6)) {
            case 0:
                b[m.start + 2] = (byte) r.nextInt(256);
                return new Mutator.Mutated(b, "header-method");
            case 1:
                b[m.start + 3] |= (byte) (0x20 << r.nextInt(3));
                return new Mutator.Mutated(b, "header-reserved-flag");
            case 2:
                b[m.start + 3] |= 0x01;
                return new Mutator.Mutated(b, "header-ftext");
            case 3:
                b[m.start + 3] ^= 0x04;
                return new Mutator.Mutated(b, "header-toggle-fextra");
            case 4:
                b[m.start + 3] ^= (byte) (r.nextBoolean() ? 0x08 : 0x10);
                return new Mutator.Mutated(b, "header-toggle-fname-fcomment");
            default:
                b[m.start + 3] ^= 0x02;
                return new Mutator.Mutated(b, "header-toggle-fhcrc");
        }
    }
}
