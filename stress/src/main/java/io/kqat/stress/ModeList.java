package io.kqat.stress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The modes part of {@code scripts/stress help}: each mode with every option it takes, the default after it
 * ({@code [--inputs N (1000000)]}), and what it does, so one screen shows all the instruments.
 */
final class ModeList {
    private static final int WIDTH = 120;
    private static final String INDENT = "           ";

    private ModeList() {
    }

    static void install(CommandLine line) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(line.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> render(line));
        sections.remove(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_OPTION_LIST);
        line.getCommandSpec().usageMessage().sectionMap(sections); // the top only: each mode keeps its option list
    }

    private static String render(CommandLine line) {
        StringBuilder out = new StringBuilder(System.lineSeparator());
        for (Map.Entry<String, CommandLine> mode : line.getSubcommands().entrySet()) {
            if (mode.getValue().getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            CommandSpec spec = mode.getValue().getCommandSpec();
            out.append(String.format("  %-8s %s%n", mode.getKey(), synopsis(spec)));
            for (String text : wrap(String.join(" ", spec.usageMessage().description()).replace("%%", "%"))) {
                out.append(INDENT).append(text).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** {@code [--name LABEL (default)]} for every option but help; the default only when it is fixed. */
    static String synopsis(CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String fixed = o.defaultValue();
            parts.add("[" + o.longestName() + " " + o.paramLabel() + (fixed == null ? "" : " (" + fixed + ")") + "]");
        }
        return String.join(" ", parts);
    }

    /** A comma-separated option's items, trimmed, without empty ones ({@code --rungs "qat, isal"}). */
    static List<String> trimmed(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && INDENT.length() + current.length() + 1 + word.length() > WIDTH) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}
