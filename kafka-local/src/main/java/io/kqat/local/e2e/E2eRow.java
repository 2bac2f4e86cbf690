package io.kqat.local.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the end-to-end table: {@code none}, {@code lz4}, {@code snappy}, {@code zstd} (Kafka's default level, 3),
 * {@code gzip-N} (stock gzip at level N), {@code zstd-N} (stock zstd at level N, {@code compression.zstd.level}),
 * {@code kqat-gzip-N} / {@code kqat-zstd-N} (the same with kqat's agent in the producer, the consumer and the broker
 * they talk to, with the agent's options: software on a machine without QAT) or {@code qat-gzip-N} /
 * {@code qat-zstd-N} (the agent on kqat's QAT emulator, whose device works in a process of its own; for zstd the
 * device compresses and libzstd decodes).
 *
 * @param level the codec's level, or 0 for Kafka's default
 */
public record E2eRow(String name, String compressionType, int level, boolean kqat, boolean qat) {
    public static final List<String> DEFAULT = List.of("none", "lz4", "zstd", "gzip-1", "gzip-6", "kqat-gzip-1",
            "kqat-gzip-6", "qat-gzip-6", "kqat-zstd-3", "qat-zstd-3");
    public static final List<String> QUICK = List.of("none", "gzip-6", "kqat-gzip-6", "qat-gzip-6");

    public static E2eRow parse(String name) {
        switch (name) {
            case "none":
            case "lz4":
            case "snappy":
            case "zstd":
                return new E2eRow(name, name, 0, false, false);
            default:
                break;
        }
        boolean qat = name.startsWith("qat-");
        boolean kqat = qat || name.startsWith("kqat-");
        String rest = kqat ? name.substring(name.indexOf('-') + 1) : name;
        for (String codec : new String[] {"gzip", "zstd"}) {
            if (rest.startsWith(codec + "-")) {
                try {
                    int level = Integer.parseInt(rest.substring(codec.length() + 1));
                    if (level >= 1 && level <= (codec.equals("gzip") ? 9 : 22)) {
                        return new E2eRow(name, codec, level, kqat, qat);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("unknown codec row '" + name + "' (none, lz4, snappy, zstd, gzip-1..9, "
                + "kqat-gzip-1..9, qat-gzip-1..9, zstd-1..22, kqat-zstd-1..22, qat-zstd-1..22)");
    }

    /** Where kqat's counters for this row's codec are in a workload report: {@code kqat.} or {@code kqat.zstd.}. */
    public String kqatPrefix() {
        return compressionType.equals("zstd") ? "kqat.zstd." : "kqat.";
    }

    /** Which broker the row talks to: {@code stock}, {@code kqat} or {@code qat} (each its own, one at a time). */
    public String side() {
        return qat ? "qat" : kqat ? "kqat" : "stock";
    }

    public static List<E2eRow> parseAll(List<String> names) {
        List<E2eRow> rows = new ArrayList<>();
        names.forEach(n -> rows.add(parse(n.trim())));
        return rows;
    }
}
