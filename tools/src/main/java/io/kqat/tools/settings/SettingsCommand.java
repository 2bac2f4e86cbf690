package io.kqat.tools.settings;

import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kqat settings}: every setting kqat takes, where and how, from the one schema. */
@Command(name = "settings", description = "List every kqat setting: its key, default, where it is accepted and how "
        + "it is spelled there, and what it does.")
public final class SettingsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--markdown", description = "Print the table README.md holds.")
    private boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(SettingsTable.markdown());
            out.flush();
            return 0;
        }
        for (Setting<?> s : KqatSettings.ALL) {
            out.printf("%s (default %s)%n", s.key(), s.defaultText());
            for (String where : SettingsTable.spellings(s)) {
                out.printf("    %s%n", where.replace("`", ""));
            }
            out.printf("    %s%n", s.doc());
        }
        out.flush();
        return 0;
    }
}
