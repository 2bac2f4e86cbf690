package io.kqat.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the class-file version of every class in a jar or zip, descending into nested jars (a plugin archive's
 * {@code lib/}), and lists those a given Java release cannot load. A multi-release entry under
 * {@code META-INF/versions/N/} is only loaded by Java N and later, so it may be as new as Java N.
 */
final class ClassFileVersions {
    /** Class-file major version of Java 11. */
    static final int JAVA_11 = 55;
    private static final int MAGIC = 0xCAFEBABE;
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/.*");

    private final int maxMajor;
    private final List<String> tooNew = new ArrayList<>();
    private int classes;

    ClassFileVersions(int maxMajor) {
        this.maxMajor = maxMajor;
    }

    /** Checks every class in {@code archive} (named {@code name} in the findings). */
    ClassFileVersions scan(String name, InputStream archive) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String path = entry.getName();
            if (path.endsWith(".jar")) {
                scan(name + "!/" + path, new ByteArrayInputStream(zip.readAllBytes()));
            } else if (path.endsWith(".class")) {
                check(name + "!/" + path, allowedFor(path), zip.readNBytes(8));
            }
        }
        return this;
    }

    private int allowedFor(String path) {
        Matcher versioned = VERSIONED.matcher(path);
        return versioned.matches() ? Math.max(maxMajor, Integer.parseInt(versioned.group(1)) + 44) : maxMajor;
    }

    private void check(String where, int allowed, byte[] header) {
        if (header.length < 8 || readInt(header, 0) != MAGIC) {
            tooNew.add(where + " is not a class file");
            return;
        }
        classes++;
        int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (major > allowed) {
            tooNew.add(where + " has class-file version " + major + " (Java " + (major - 44) + ")");
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Classes read so far. */
    int classes() {
        return classes;
    }

    /** Classes the release cannot load, with their versions. */
    List<String> tooNew() {
        return tooNew;
    }
}
