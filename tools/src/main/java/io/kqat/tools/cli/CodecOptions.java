package io.kqat.tools.cli;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import io.kqat.codec.backend.qat.QatOptions;
import io.kqat.testkit.Emulators;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every codec command shares ({@code --backend}, {@code --mode}, {@code --level}, {@code --emulator}) as a
 * picocli mixin. Defaults and keys are the codec's own ({@link CodecConfig}, {@link QatOptions}).
 */
public final class CodecOptions {
    /** Variants of the emulator the build makes: with qatlib's IOVA API (zero-copy), and without it (pinned copy). */
    static final List<String> EMULATOR_VARIANTS = List.of("iova", "legacy");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Force one backend by name (kqat doctor lists them); default: the best one available.")
    private String backend;

    @Option(names = "--mode", paramLabel = "MODE", completionCandidates = ModeNames.class,
            description = "Which backends are candidates: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    private String mode = CodecConfig.defaults().mode().id();

    @Option(names = "--level", paramLabel = "N",
            description = "gzip level " + CodecConfig.MIN_LEVEL + "-" + CodecConfig.MAX_LEVEL
                    + ", as Kafka's compression.gzip.level (default " + CodecConfig.DEFAULT_LEVEL + ").")
    private Integer level;

    @Option(names = "--emulator", arity = "0..1", fallbackValue = "iova", paramLabel = "VARIANT",
            description = "Use kqat's QAT emulator instead of the system qatlib: iova (the default) has the zero-copy "
                    + "API, legacy is an older qatlib without it (pinned copy).")
    private String emulator;

    /** The codec settings these options ask for. */
    public CodecConfig toConfig() {
        return builder().build();
    }

    /** As {@link #toConfig()}, for a command that sets more. */
    public CodecConfig.Builder builder() {
        CodecConfig.Builder b = CodecConfig.builder();
        try {
            b.mode(Mode.parse(mode));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--mode: " + e.getMessage());
        }
        if (level != null) {
            b.level(checkedLevel(command, "--level", level));
        }
        if (backend != null) {
            b.backend(backend);
        }
        if (emulator != null) {
            b.option(QatOptions.EMULATOR, emulatorDir());
        }
        return b;
    }

    /** The level asked for with {@code --level}, if any. */
    public Optional<Integer> level() {
        return Optional.ofNullable(level).map(l -> checkedLevel(command, "--level", l));
    }

    /** The backend asked for with {@code --backend}, if any. */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    public boolean emulated() {
        return emulator != null;
    }

    /** A gzip level checked against the codec's range; out of range is a usage error. */
    public static int checkedLevel(CommandSpec command, String option, int level) {
        if (level < CodecConfig.MIN_LEVEL || level > CodecConfig.MAX_LEVEL) {
            throw new ParameterException(command.commandLine(), option + " must be " + CodecConfig.MIN_LEVEL + ".."
                    + CodecConfig.MAX_LEVEL + ", got " + level);
        }
        return level;
    }

    /** The emulator's library directory, where the build (and the launcher's {@code kqat.emulator.dir}) put it. */
    private String emulatorDir() {
        if (!EMULATOR_VARIANTS.contains(emulator)) {
            throw new ParameterException(command.commandLine(), "--emulator takes " + String.join(" or ",
                    EMULATOR_VARIANTS) + ", got '" + emulator + "'");
        }
        try {
            return Emulators.dir(emulator).toString();
        } catch (IllegalStateException e) {
            throw new ParameterException(command.commandLine(), "--emulator: " + e.getMessage());
        }
    }

    /** The modes' names, for the help and for shell completion. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Mode.values()).map(Mode::id).iterator();
        }
    }
}
