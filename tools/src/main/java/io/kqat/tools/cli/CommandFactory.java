package io.kqat.tools.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates kqat's commands for picocli: a command with a constructor taking {@link Streams} gets the streams of this
 * run (compress and decompress need binary stdin and stdout); anything else (mixins, converters, picocli's own help
 * command, a command that prints through {@code spec.commandLine().getOut()}) comes from picocli's default factory.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final Streams streams;

    public CommandFactory(Streams streams) {
        this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withStreams;
        try {
            withStreams = type.getDeclaredConstructor(Streams.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        withStreams.setAccessible(true);
        return withStreams.newInstance(streams);
    }
}
