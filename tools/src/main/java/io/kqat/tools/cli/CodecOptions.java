package io.kqat.tools.cli;

import io.kqat.codec.CodecConfig;
import io.kqat.emulator.Emulators;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The codec options every codec command shares, as a picocli mixin: one option per setting of the schema
 * ({@link SettingOptions} adds them: {@code --mode}, {@code --backend}, {@code --level}, {@code --qat-region-bytes},
 * ...), and {@code --emulator[=VARIANT]}, the command's shorthand for {@code --qat-emulator} with a variant of the
 * emulator the build made.
 */
public final class CodecOptions {

    /** The variants a codec command runs on: with the IOVA API (zero-copy) and without it (pinned copy). */
    private static final List<String> CODEC_VARIANTS = List.of("iova", "legacy");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--emulator", arity = "0..1", fallbackValue = "iova", paramLabel = "VARIANT",
            description = "Use kqat's QAT emulator instead of the system qatlib: iova (the default) has the zero-copy "
                    + "API, legacy is an older qatlib without it (pinned copy). Shorthand for --qat-emulator with the "
                    + "build's emulator.")
    private String emulator;

    /** The codec settings these options ask for. */
    public CodecConfig toConfig() {
        return builder().build();
    }

    /** As {@link #toConfig()}, for a command that sets more. */
    public CodecConfig.Builder builder() {
        CodecConfig.Builder b = CodecConfig.builder();
        for (Setting<?> s : KqatSettings.ALL) {
            Object value = given(s);
            if (value != null) {
                try {
                    b.setText(s, value.toString());
                } catch (Setting.InvalidSettingException e) {
                    throw usage(s.type() == Setting.Type.CHOICE ? e.getMessage()
                            : s.cliOption() + " must be " + s.expected() + ", got " + e.value());
                }
            }
        }
        if (emulator != null) {
            if (given(KqatSettings.QAT_EMULATOR) != null) {
                throw usage("--emulator and --qat-emulator name the same thing: give one");
            }
            b.setText(KqatSettings.QAT_EMULATOR, emulatorDir().toString());
        }
        return b;
    }

    /** The value given on the command line for a setting, or null. */
    private Object given(Setting<?> s) {
        OptionSpec o = command.findOption(s.cliOption());
        return o == null ? null : o.getValue();
    }

    /** The level asked for with {@code --level}, if any. */
    public Optional<Integer> level() {
        return Optional.ofNullable(given(KqatSettings.LEVEL)).map(l -> checkedLevel(command, "--level", (Integer) l));
    }

    /** The backend asked for with {@code --backend}, if any. */
    public Optional<String> backend() {
        return Optional.ofNullable((String) given(KqatSettings.BACKEND));
    }

    public boolean emulated() {
        return emulator != null || given(KqatSettings.QAT_EMULATOR) != null;
    }

    /** A gzip level checked against the codec's range; out of range is a usage error. */
    public static int checkedLevel(CommandSpec command, String option, int level) {
        if (level < CodecConfig.MIN_LEVEL || level > CodecConfig.MAX_LEVEL) {
            throw new ParameterException(command.commandLine(), option + " must be " + CodecConfig.MIN_LEVEL + ".."
                    + CodecConfig.MAX_LEVEL + ", got " + level);
        }
        return level;
    }

    private Path emulatorDir() {
        try {
            return Emulators.dir(emulator, CODEC_VARIANTS);
        } catch (IllegalArgumentException e) {
            throw usage("--emulator " + e.getMessage());
        } catch (IllegalStateException e) {
            throw usage("--emulator: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
