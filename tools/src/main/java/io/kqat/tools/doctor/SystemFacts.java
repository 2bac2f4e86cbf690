package io.kqat.tools.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** What Linux says about huge pages, which a QAT region uses where reserved. */
final class SystemFacts {
    private SystemFacts() {
    }

    /** "free of total (size)" for the default huge page size, or null when unknown. */
    static String hugePages() {
        String total = null;
        String free = null;
        String size = null;
        for (String line : lines(Paths.get("/proc/meminfo"))) {
            String[] kv = line.split(":\\s*", 2);
            if (kv.length < 2) {
                continue;
            }
            switch (kv[0]) {
                case "HugePages_Total" -> total = kv[1].trim();
                case "HugePages_Free" -> free = kv[1].trim();
                case "Hugepagesize" -> size = kv[1].trim();
                default -> { }
            }
        }
        return total == null ? null : free + " free of " + total + " (" + size + " each)";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
