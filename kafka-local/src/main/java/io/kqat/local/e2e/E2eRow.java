package io.kqat.local.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the end-to-end table: {@code none}, {@code lz4}, {@code snappy}, {@code zstd} (Kafka's default level, 3),
 * {@code gzip-N} (stock gzip at level N), {@code zstd-N} (stock zstd at level N, {@code compression.zstd.level}),
 * {@code kqat-gzip-N} / {@code kqat-zstd-N} (the same with kqat's agent in the producer, the consumer and the broker
 * they talk to, with the agent's options: software on a machine without QAT) or {@code qat-gzip-N} /
 * {@code qat-zstd-N} (the agent on kqat's QAT emulator, whose device works in a process of its own; for zstd the
 * device compresses and libzstd decodes: an emulated 4xxx, whose LZ4s libzstd entropy-codes, rung {@code qat-lz4s})
 * or {@code qat6-zstd-N} (the same on an emulated 6xxx, which writes zstd itself, rung {@code qat-zstd}).
 *
 * @param level      the codec's level, or 0 for Kafka's default
 * @param generation the emulated device's generation ({@code KQAT_EMU_GEN}) for a QAT row, null otherwise
 */
public record E2eRow(String name, String compressionType, int level, boolean kqat, boolean qat, String generation) {
    /** The emulator's generation when none is named: a 4xxx, as the emulator's own default. */
    public static final String DEFAULT_GENERATION = "4xxx";
    static final String GEN6 = "6xxx";

    /** A row on the default generation when it is a QAT row. */
    public E2eRow(String name, String compressionType, int level, boolean kqat, boolean qat) {
        this(name, compressionType, level, kqat, qat, qat ? DEFAULT_GENERATION : null);
    }

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
        boolean gen6 = name.startsWith("qat6-");
        boolean qat = gen6 || name.startsWith("qat-");
        boolean kqat = qat || name.startsWith("kqat-");
        String rest = kqat ? name.substring(name.indexOf('-') + 1) : name;
        for (String codec : gen6 ? new String[] {"zstd"} : new String[] {"gzip", "zstd"}) {
            if (rest.startsWith(codec + "-")) {
                try {
                    int level = Integer.parseInt(rest.substring(codec.length() + 1));
                    if (level >= 1 && level <= (codec.equals("gzip") ? 9 : 22)) {
                        return new E2eRow(name, codec, level, kqat, qat, gen6 ? GEN6 : qat ? DEFAULT_GENERATION : null);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("unknown codec row '" + name + "' (none, lz4, snappy, zstd, gzip-1..9, "
                + "kqat-gzip-1..9, qat-gzip-1..9, zstd-1..22, kqat-zstd-1..22, qat-zstd-1..22, qat6-zstd-1..22)");
    }

    /** Where kqat's counters for this row's codec are in a workload report: {@code kqat.} or {@code kqat.zstd.}. */
    public String kqatPrefix() {
        return compressionType.equals("zstd") ? "kqat.zstd." : "kqat.";
    }

    /**
     * Which broker the row talks to: {@code stock}, {@code kqat}, {@code qat} or {@code qat6} (each its own, one at a
     * time; a QAT row's broker has the row's device generation).
     */
    public String side() {
        return !qat ? kqat ? "kqat" : "stock" : GEN6.equals(generation) ? "qat6" : "qat";
    }

    /** The environment of the row's JVMs (the broker's too): the emulated device's generation for a QAT row. */
    public Map<String, String> environment() {
        return qat ? Map.of("KQAT_EMU_GEN", generation) : Map.of();
    }

    /**
     * The rung a QAT row's producer must have used for its batches: {@code qat-zstd} on a 6xxx (native zstd), any QAT
     * rung ({@code qat}, {@code qat-lz4s}) otherwise.
     */
    public String qatRung() {
        return GEN6.equals(generation) ? "qat-zstd:" : "qat";
    }

    public static List<E2eRow> parseAll(List<String> names) {
        List<E2eRow> rows = new ArrayList<>();
        names.forEach(n -> rows.add(parse(n.trim())));
        return rows;
    }
}
