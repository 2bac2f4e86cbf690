package io.kqat.tools;

import io.kqat.tools.bench.BenchCommand;
import io.kqat.tools.cli.KqatVersion;
import io.kqat.tools.demo.DemoCommand;
import io.kqat.tools.devicetest.DeviceTestCommand;
import io.kqat.tools.doctor.DoctorCommand;
import io.kqat.tools.e2e.E2eCommand;
import io.kqat.tools.gzip.CompressCommand;
import io.kqat.tools.gzip.DecompressCommand;
import io.kqat.tools.settings.SettingsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The top of the command tree. {@code --help}, {@code --version} and the exit-code list are inherited by every
 * subcommand. A new command is one class in the list below.
 */
@Command(name = "kqat", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = KqatVersion.class, usageHelpAutoWidth = true,
        description = "QuickAssist-accelerated gzip for Apache Kafka: standard gzip through the best backend this "
                + "machine has (QAT, ISA-L, libdeflate, the JDK).",
        subcommands = {
            DoctorCommand.class,
            CompressCommand.class,
            DecompressCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            DeviceTestCommand.class,
            E2eCommand.class,
            SettingsCommand.class,
            HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (corrupt input, a file that cannot be read, a failed self test)",
            "2:usage (unknown or invalid option or command)"})
public final class KqatCommand {
}
