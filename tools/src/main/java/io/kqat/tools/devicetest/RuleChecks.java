package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The checks of qatlib's rules at their boundaries, on one codec: the largest batch one request takes and one just
 * over it (kqat declines it to the next rung, never fails it), incompressible input at the device's bound, every
 * level, several members with padding, and input cut short.
 */
final class RuleChecks {
    private RuleChecks() {
    }

    static List<Check> all() {
        return List.of(
                new NamedCheck("capabilities", RuleChecks::capabilities),
                new NamedCheck("flats-255", RuleChecks::largestBatch),
                new NamedCheck("flats-256", RuleChecks::overOneRequest),
                new NamedCheck("inflate-limit", RuleChecks::inflateLimit),
                new NamedCheck("incompressible", RuleChecks::incompressible),
                new NamedCheck("levels", RuleChecks::levels),
                new NamedCheck("multi-member", RuleChecks::multiMember),
                new NamedCheck("cut-short", RuleChecks::cutShort));
    }

    private static CheckResult capabilities(GzipCodec codec, BackendStatus qat) {
        String s = qat.detail().summary();
        Verify.that(s.contains("capabilities deflate, dynamic Huffman, CRC32, CnV"), "instances lack what kqat needs: " + s);
        int unused = s.indexOf("not used:");
        Verify.that(unused < 0, "some instances are not used: " + s.substring(Math.max(0, unused)));
        return CheckResult.pass("capabilities", qat.detail().figure("instances")
                + " instance(s) with stateless deflate, dynamic Huffman, CRC32 and compress-and-verify");
    }

    private static CheckResult largestBatch(GzipCodec codec, BackendStatus qat) {
        long max = qat.detail().figure("maxBatchBytes");
        Batches.Counts before = Batches.Counts.of(qat);
        Batches.roundTrip(codec, Batches.events(1, (int) max), 6, "largest batch");
        Batches.Counts d = Batches.Counts.of(codec.backend(qat.name())).since(before);
        Verify.equal(d.compressed(), 1, "batches the device compressed");
        Verify.equal(d.errors(), 0, "device faults");
        return CheckResult.pass("flats-255", "a " + Batches.mib(max) + " batch (input and the device's bound within 255 "
                + "flat buffers) compressed by the device in one request");
    }

    private static CheckResult overOneRequest(GzipCodec codec, BackendStatus qat) {
        long max = qat.detail().figure("maxBatchBytes");
        long declined = qat.detail().figure("declinedOverRequest");
        Batches.Counts before = Batches.Counts.of(qat);
        Batches.roundTrip(codec, Batches.events(2, (int) max + (64 << 10)), 6, "batch over one request");
        BackendStatus now = codec.backend(qat.name());
        Batches.Counts d = Batches.Counts.of(now).since(before);
        Verify.equal(now.detail().figure("declinedOverRequest") - declined, 1, "batches declined as over one request");
        Verify.equal(d.errors(), 0, "device faults");
        Verify.that(!now.circuitOpen(), "the breaker opened");
        return CheckResult.pass("flats-256", "a batch 64 KiB over that (256+ flats) declined without penalty and "
                + "compressed by the next rung into one member");
    }

    private static CheckResult inflateLimit(GzipCodec codec, BackendStatus qat) {
        long max = qat.detail().figure("maxInflateBytes");
        int under = (int) (max * 15 / 16 - (64 << 10)); // the output buffer gets 1/16 slack over the trailer's size
        byte[] small = codec.compress(Batches.events(3, under));
        byte[] big = codec.compress(Batches.events(4, (int) max + 1));
        Batches.Counts before = Batches.Counts.of(qat);
        Verify.that(codec.decompress(small).length == under, "member under the limit");
        Verify.equal(Batches.Counts.of(codec.backend(qat.name())).since(before).decompressed(), 1,
                "members under the limit the device inflated");
        Verify.that(codec.decompress(big).length == max + 1, "member over the limit");
        Batches.Counts d = Batches.Counts.of(codec.backend(qat.name())).since(before);
        Verify.equal(d.decompressed(), 1, "members the device inflated in all");
        Verify.equal(d.errors(), 0, "device faults");
        return CheckResult.pass("inflate-limit", "a member inflating to " + Batches.mib(under) + " inflated by the device, "
                + "one to " + Batches.mib(max + 1) + " (over 255 flats) by the next rung");
    }

    private static CheckResult incompressible(GzipCodec codec, BackendStatus qat) {
        long overflows = qat.detail().figure("overflows");
        Batches.Counts before = Batches.Counts.of(qat);
        int[] sizes = {16 << 10, 64 << 10, 1 << 20, (int) qat.detail().figure("maxBatchBytes")};
        for (int size : sizes) {
            Batches.roundTrip(codec, Batches.random(size, size), 1, "random " + size + " bytes");
        }
        BackendStatus now = codec.backend(qat.name());
        Verify.equal(now.detail().figure("overflows") - overflows, 0, "overflows at the device's bound");
        Verify.equal(Batches.Counts.of(now).since(before).compressed(), sizes.length, "random batches the device took");
        return CheckResult.pass("incompressible", "random batches of 16 KiB, 64 KiB, 1 MiB and "
                + Batches.mib(sizes[3]) + " fit the destination cpaDcDeflateCompressBound sized: no overflow");
    }

    private static CheckResult levels(GzipCodec codec, BackendStatus qat) {
        Batches.Counts before = Batches.Counts.of(qat);
        byte[] data = Batches.events(5, 200_000);
        for (int level = 1; level <= 9; level++) {
            Batches.roundTrip(codec, data, level, "level " + level);
        }
        Verify.equal(Batches.Counts.of(codec.backend(qat.name())).since(before).compressed(), 9, "levels on the device");
        return CheckResult.pass("levels", "levels 1-9 compressed by the device, each read back");
    }

    private static CheckResult multiMember(GzipCodec codec, BackendStatus qat) {
        byte[] a = Batches.events(6, 70_000);
        byte[] b = Batches.events(7, 30_000);
        ByteBuffer input = ByteBuffer.allocate(200_000);
        input.put(Batches.compress(codec, a, 6)).put(Batches.compress(codec, b, 6)).put(new byte[512]).flip();
        ByteBuffer out = codec.decompress(input);
        byte[] both = new byte[out.remaining()];
        out.get(both);
        Verify.that(Arrays.equals(both, concat(a, b)), "two members and padding do not decode to both batches");
        return CheckResult.pass("multi-member", "two members followed by 512 zero bytes read back whole");
    }

    private static CheckResult cutShort(GzipCodec codec, BackendStatus qat) {
        byte[] member = Batches.compress(codec, Batches.events(8, 100_000), 6);
        byte[] cut = Arrays.copyOf(member, member.length / 2 + 8);
        Batches.Counts before = Batches.Counts.of(qat);
        try {
            codec.decompress(cut);
            throw new AssertionError("a member cut short was accepted");
        } catch (CorruptGzipException expected) {
            // the caller's input, as stock gzip reports it
        }
        BackendStatus now = codec.backend(qat.name());
        Verify.equal(Batches.Counts.of(now).since(before).errors(), 0, "device faults for input cut short");
        Verify.that(!now.circuitOpen(), "the breaker opened on bad input");
        return CheckResult.pass("cut-short", "a member cut short is reported corrupt, and is not counted as a device fault");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
