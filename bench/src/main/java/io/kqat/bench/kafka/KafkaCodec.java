package io.kqat.bench.kafka;

import org.apache.kafka.common.compress.Compression;

/**
 * One row of the Kafka-path benchmarks, named as its {@code codec} parameter: {@code none}, {@code lz4},
 * {@code snappy}, {@code zstd} (Kafka's default level), {@code gzip-N} (stock gzip at level N),
 * {@code kqat-N} (Kafka's gzip at level N through kqat's hook with its default ladder, as an operator gets it),
 * {@code kqat-BACKEND-N} (the same, forced to one backend), {@code zstd-N} (stock zstd at level N, 1-22) or
 * {@code kqat-zstd-N} (Kafka's zstd at level N through kqat's zstd hook).
 */
final class KafkaCodec {
    final String name;
    final Compression compression;
    /** The {@link #kqatBackend} of the {@code kqat-N} rows: no backend forced, the default ladder's choice. */
    static final String DEFAULT_LADDER = "default";
    /** The kqat backend this row forces, {@link #DEFAULT_LADDER}, or null for stock Kafka. */
    final String kqatBackend;
    final int level;
    /** True for the rows of Kafka's zstd (the kqat row then hooks zstd, not gzip). */
    final boolean zstd;

    private KafkaCodec(String name, Compression compression, String kqatBackend, int level) {
        this(name, compression, kqatBackend, level, false);
    }

    private KafkaCodec(String name, Compression compression, String kqatBackend, int level, boolean zstd) {
        this.name = name;
        this.compression = compression;
        this.kqatBackend = kqatBackend;
        this.level = level;
        this.zstd = zstd;
    }

    static KafkaCodec parse(String name) {
        switch (name) {
            case "none":
                return new KafkaCodec(name, Compression.NONE, null, 0);
            case "lz4":
                return new KafkaCodec(name, Compression.lz4().build(), null, 0);
            case "snappy":
                return new KafkaCodec(name, Compression.snappy().build(), null, 0);
            case "zstd":
                return new KafkaCodec(name, Compression.zstd().build(), null, 0);
            default:
                break;
        }
        String[] parts = name.split("-");
        if (parts.length >= 2 && (parts[0].equals("zstd") || parts[1].equals("zstd"))) {
            int level = Integer.parseInt(parts[parts.length - 1]);
            Compression zstd = Compression.zstd().level(level).build();
            if (parts.length == 2) {
                return new KafkaCodec(name, zstd, null, level, true);
            }
            if (parts.length == 3 && parts[0].equals("kqat")) {
                return new KafkaCodec(name, zstd, "libzstd", level, true);
            }
        }
        int level = parseLevel(name, parts[parts.length - 1]);
        Compression gzip = Compression.gzip().level(level).build();
        if (parts.length == 2 && parts[0].equals("gzip")) {
            return new KafkaCodec(name, gzip, null, level);
        }
        if (parts.length == 2 && parts[0].equals("kqat")) {
            return new KafkaCodec(name, gzip, DEFAULT_LADDER, level);
        }
        if (parts.length == 3 && parts[0].equals("kqat")) {
            return new KafkaCodec(name, gzip, parts[1], level);
        }
        throw new IllegalArgumentException("unknown codec row '" + name
                + "' (none, lz4, snappy, zstd, gzip-LEVEL, kqat-LEVEL, kqat-BACKEND-LEVEL, zstd-LEVEL, kqat-zstd-LEVEL)");
    }

    private static int parseLevel(String name, String text) {
        try {
            int level = Integer.parseInt(text);
            if (level >= 1 && level <= 9) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("codec row '" + name + "' needs a gzip level 1..9 at its end");
    }

    boolean kqat() {
        return kqatBackend != null;
    }

    /** True for the kqat rows that force one backend, false for stock rows and the default ladder's. */
    boolean forced() {
        return kqatBackend != null && !kqatBackend.equals(DEFAULT_LADDER);
    }
}
