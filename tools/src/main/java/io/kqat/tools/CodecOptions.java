package io.kqat.tools;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/** The options every command shares to choose a codec: {@code --backend}, {@code --mode}, {@code --level}, {@code --emulator}. */
public final class CodecOptions {
    public static final Set<String> VALUED = Set.of("backend", "mode", "level");
    /** {@code --emulator} alone means the zero-copy variant; {@code --emulator=legacy} an older qatlib (pinned copy). */
    public static final Set<String> FLAGS = Set.of("emulator");
    public static final String HELP = """
              --backend NAME   force one backend (qat, qat-pinned, isal, libdeflate, jdk); default: the best available
              --mode MODE      auto | qat | software | jdk (default auto)
              --level N        gzip level 1-9 as in Kafka's compression.gzip.level (default 6)
              --emulator[=iova|legacy]
                               use kqat's QAT emulator instead of the system qatlib (iova: zero-copy API present,
                               legacy: an older qatlib without it, so pinned-copy)
            """;

    private CodecOptions() {
    }

    public static CodecConfig from(CliArgs args) {
        CodecConfig.Builder b = CodecConfig.builder();
        if (args.has("level")) {
            int level = args.getInt("level", CodecConfig.DEFAULT_LEVEL);
            if (level < 1 || level > 9) {
                throw new CliArgs.UsageException("--level must be 1..9, got " + level);
            }
            b.level(level);
        }
        if (args.has("mode")) {
            try {
                b.mode(Mode.parse(args.get("mode", "auto")));
            } catch (IllegalArgumentException e) {
                throw new CliArgs.UsageException(e.getMessage());
            }
        }
        if (args.has("backend")) {
            b.backend(args.get("backend", null));
        }
        if (args.has("emulator")) {
            b.option(io.kqat.codec.backend.qat.QatOptions.EMULATOR, emulatorDir(args.get("emulator", "")).toString());
        }
        return b.build();
    }

    /** The emulator's library directory: {@code <kqat.emulator.dir>/<variant>}, as the launcher sets it. */
    public static Path emulatorDir(String variant) {
        String v = variant.isEmpty() ? "iova" : variant;
        if (!v.equals("iova") && !v.equals("legacy")) {
            throw new CliArgs.UsageException("--emulator takes iova or legacy, got '" + v + "'");
        }
        String base = System.getProperty("kqat.emulator.dir");
        if (base == null) {
            throw new CliArgs.UsageException("--emulator needs -Dkqat.emulator.dir (the ./kqat launcher sets it)");
        }
        Path dir = Paths.get(base, v);
        if (!Files.isRegularFile(dir.resolve("libqat.so.4"))) {
            throw new CliArgs.UsageException("the QAT emulator is not built at " + dir + " (run: mvn -B -ntp package -DskipTests)");
        }
        return dir;
    }
}
