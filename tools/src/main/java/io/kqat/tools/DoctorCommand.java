package io.kqat.tools;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.backend.qat.QatOptions;
import io.kqat.testkit.KafkaLikeEvents;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code kqat doctor}: what this machine offers, which backend kqat chooses, and why each better one was skipped. */
final class DoctorCommand implements Command {

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "show the backends found, the one chosen, and why better ones were skipped";
    }

    @Override
    public String help() {
        return "usage: kqat doctor [--json] [options]\n" + CodecOptions.HELP;
    }

    @Override
    public int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        CliArgs args = new CliArgs(argv, CodecOptions.VALUED, union(CodecOptions.FLAGS, Set.of("json")));
        CodecConfig config = CodecOptions.from(args);
        try (GzipCodec codec = GzipCodec.create(config)) {
            String selfTest = selfTest(codec);
            Map<String, Object> report = report(codec, selfTest);
            if (args.has("json")) {
                out.println(Json.write(report));
            } else {
                printText(codec, report, out);
            }
            return selfTest.startsWith("ok") ? 0 : 1;
        }
    }

    /**
     * One compress/decompress round trip through the chosen backend, so "ready" is shown to really work. The sample
     * is written into a batch buffer, as the Kafka hook writes records, so a zero-copy rung shows no input copied.
     */
    private static String selfTest(GzipCodec codec) {
        byte[] sample = new KafkaLikeEvents(1).fill(256 << 10);
        try (var lease = codec.acquireBatchBuffer(sample.length)) {
            java.nio.ByteBuffer batch = lease.buffer();
            batch.put(sample).flip();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(codec.maxCompressedLength(sample.length));
            codec.compress(batch, out);
            byte[] gz = java.util.Arrays.copyOf(out.array(), out.position());
            byte[] back = codec.decompress(gz);
            return Arrays.equals(sample, back)
                    ? String.format("ok (256 KiB of JSON events, ratio %.2f)", (double) sample.length / gz.length)
                    : "FAILED: round trip changed the data";
        } catch (RuntimeException e) {
            return "FAILED: " + e;
        }
    }

    private static Map<String, Object> report(GzipCodec codec, String selfTest) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kqat", DoctorCommand.class.getPackage().getImplementationVersion() == null
                ? "dev" : DoctorCommand.class.getPackage().getImplementationVersion());
        r.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        r.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        r.put("vfio", Files.isDirectory(Paths.get("/dev/vfio")) ? "/dev/vfio present" : "/dev/vfio absent");
        r.put("emulator", codec.config().option(QatOptions.EMULATOR, "not used"));
        Long memlock = SystemFacts.lockedMemoryLimit();
        long region = QatOptions.from(codec.config()).regionBytes();
        r.put("lockedMemoryLimit", memlock == null ? "unknown" : memlock < 0 ? "unlimited" : memlock + " bytes"
                + (memlock >= region ? "" : "root".equals(System.getProperty("user.name"))
                        ? " (below the QAT region's " + region + " bytes; not enforced for root)"
                        : " (below the QAT region's " + region + " bytes: raise ulimit -l for zero-copy)"));
        String huge = SystemFacts.hugePages();
        r.put("hugePages", huge == null ? "unknown" : huge);
        r.put("level", codec.config().level());
        r.put("mode", codec.config().mode().id());
        r.put("chosen", codec.backendName());
        r.put("decompressesWith", codec.decompressBackendName());
        List<Object> ladder = new ArrayList<>();
        for (BackendStatus rung : codec.backends()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", rung.name());
            m.put("rank", rung.rank());
            m.put("device", rung.device());
            m.put("ready", rung.ready());
            m.put(rung.ready() ? "detail" : "skipped", rung.ready() ? rung.detail().toString() : rung.skipReason());
            if (rung.ready()) {
                m.put("serves", rung.serves());
            }
            ladder.add(m);
        }
        r.put("ladder", ladder);
        r.put("selfTest", selfTest);
        return r;
    }

    private static void printText(GzipCodec codec, Map<String, Object> r, PrintStream out) {
        out.println("kqat doctor");
        out.printf("  java       %s on %s%n", r.get("java"), r.get("os"));
        out.printf("  vfio       %s%n", r.get("vfio"));
        out.printf("  emulator   %s%n", r.get("emulator"));
        out.printf("  memlock    %s%n", r.get("lockedMemoryLimit"));
        out.printf("  hugepages  %s%n", r.get("hugePages"));
        out.printf("  level %d, mode %s: compresses with %s, decompresses with %s%n", codec.config().level(),
                r.get("mode"), r.get("chosen"), r.get("decompressesWith"));
        out.println("  ladder, best first:");
        for (BackendStatus rung : codec.backends()) {
            if (rung.ready()) {
                out.printf("    %-11s ready    %s%n", rung.name(), rung.serves());
            } else {
                out.printf("    %-11s skipped  %s%n", rung.name(), rung.skipReason());
            }
        }
        out.printf("  self test  %s%n", r.get("selfTest"));
        for (BackendStatus rung : codec.backends()) {
            if (rung.ready() && !rung.detail().summary().isEmpty()) {
                out.printf("  %s: %s%n", rung.name(), rung.detail());
            }
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
