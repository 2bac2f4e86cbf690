package io.kqat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A log4j2 configuration that sends a child Kafka program's log to one file. */
final class Log4j2Config {
    private Log4j2Config() {
    }

    /** Writes the configuration next to {@code logFile} and returns the JVM flag that selects it. */
    static String write(Path logFile) {
        Path config = logFile.resolveSibling(logFile.getFileName() + ".log4j2.properties");
        String text = String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + logFile.toAbsolutePath(),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kqat.name = io.kqat",
                "logger.kqat.level = INFO",
                "");
        try {
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-Dlog4j2.configurationFile=" + config.toAbsolutePath();
    }
}
