package io.kqat.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version} on every command: kqat's version (from the build) and the Java and OS it runs on. */
public final class KqatVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "kqat " + version(),
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    /** The project version Maven wrote into {@code kqat-version.properties}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = KqatVersion.class.getResourceAsStream("/kqat-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kqat-version.properties is missing from the tools jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
