package io.kqat.tools.cli;

import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings schema's options for the command line: every {@link KqatSettings} entry the command takes
 * ({@link Setting.Where#CLI}, for the command's {@link CodecWork}) becomes {@code --key-with-dashes} on each command
 * that carries {@link CodecOptions},
 * documented from the schema. Values are parsed by the schema, so they mean what they mean everywhere.
 */
public final class SettingOptions {
    private SettingOptions() {
    }

    /** Adds the options to every command of the tree that carries the codec options. */
    public static void addTo(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof CodecOptions)) {
            Setting.Affects work = spec.userObject() instanceof CodecWork ? ((CodecWork) spec.userObject()).work()
                    : Setting.Affects.BOTH;
            for (Setting<?> s : KqatSettings.ALL) {
                if (s.takenBy(Setting.Where.CLI, work)) {
                    spec.addOption(option(s));
                }
            }
        }
        root.getSubcommands().values().forEach(SettingOptions::addTo);
    }

    private static OptionSpec option(Setting<?> s) {
        OptionSpec.Builder b = OptionSpec.builder(s.cliOption())
                .description(s.doc() + " Default: " + s.defaultText() + ".");
        switch (s.type()) {
            case BOOLEAN:
                return b.type(Boolean.class).arity("0..1").fallbackValue("true").paramLabel("true|false").build();
            case INT:
                return b.type(Integer.class).paramLabel("N").build();
            case LONG:
                return b.type(Long.class).paramLabel("N").build();
            case SIZE:
                return b.type(String.class).paramLabel("BYTES").build();
            case CHOICE:
                return b.type(String.class).paramLabel(s.key().toUpperCase()).completionCandidates(s.choices()).build();
            default:
                return b.type(String.class).paramLabel(s.key().toUpperCase().replace('.', '_')).build();
        }
    }
}
