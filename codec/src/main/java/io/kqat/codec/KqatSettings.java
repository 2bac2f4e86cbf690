package io.kqat.codec;

import io.kqat.codec.Setting.Affects;
import io.kqat.codec.Setting.Importance;
import io.kqat.codec.Setting.Type;
import io.kqat.codec.Setting.Where;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every kqat setting, once: the schema the agent's options, the Connect transforms' {@code ConfigDef}, the
 * {@code kqat} command's options, {@code doctor}'s report and README's option tables are derived from.
 */
public final class KqatSettings {
    /** gzip's levels, as Kafka's {@code compression.gzip.level} takes them: the one place they are written down. */
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 9;
    /** Kafka's default for compression.gzip.level (zlib's 6). */
    public static final int DEFAULT_LEVEL = 6;
    /** The largest output one decompression into a single buffer can have (a Java array's limit). */
    public static final long MAX_BUFFER_BYTES = Integer.MAX_VALUE - 8;

    public static final Setting<String> MODE = Setting.builder("mode", Type.CHOICE, String.class)
            .choices("auto", "qat", "software", "jdk").defaultValue("auto").importance(Importance.HIGH)
            .doc("Which backends may serve: auto (the best available: QAT, then native software, then the JDK), qat "
                    + "(as auto, but refuse to start without a usable QAT device), software (never the device) or jdk "
                    + "(java.util.zip only). The agent also takes off: nothing is hooked, Kafka runs its stock gzip.")
            .build();

    public static final Setting<String> BACKEND = Setting.builder("backend", Type.STRING, String.class)
            .importance(Importance.LOW)
            .doc("Force one backend by name (qat, qat-pinned, isal, libdeflate, jdk) instead of the ladder's choice; "
                    + "start fails if it is not available. For diagnosis and benchmarks.")
            .build();

    public static final Setting<Integer> LEVEL = Setting.builder("level", Type.INT, Integer.class)
            .range(MIN_LEVEL, MAX_LEVEL).defaultValue(DEFAULT_LEVEL)
            .importance(Importance.MEDIUM).where(Where.CONNECT, Where.CLI).affects(Affects.COMPRESSION)
            .doc("gzip level, 1 (fastest) to 9 (smallest), as Kafka's compression.gzip.level. Kafka clients and "
                    + "brokers keep using compression.gzip.level: the hook compresses each batch at the level Kafka "
                    + "asks for.")
            .build();

    public static final Setting<Long> MAX_DECOMPRESSED_BYTES =
            Setting.builder("max.decompressed.bytes", Type.SIZE, Long.class)
                    .range(1, Long.MAX_VALUE).defaultText("256m; none for a Kafka batch and for kqat decompress").importance(Importance.MEDIUM)
                    .aliases("maxDecompressedBytes").affects(Affects.DECOMPRESSION)
                    .doc("Bound on what one decompression may produce, all members together: beyond it the input is "
                            + "refused (OutputLimitExceededException) before more is delivered. Memory never grows "
                            + "with it: decoding uses fixed windows. A Kafka batch has no bound unless this is set, as "
                            + "stock Kafka has none; decompressing into one buffer is capped at 2 GiB.")
                    .build();

    public static final Setting<Boolean> DECODE_STRICT = Setting.builder("decode.strict", Type.BOOLEAN, Boolean.class)
            .defaultValue(false).importance(Importance.MEDIUM).aliases("strictDecode").affects(Affects.DECOMPRESSION)
            .doc("true: decode only with inflaters exactly as strict as zlib (QAT, the JDK), so a broker refuses "
                    + "exactly what a stock broker refuses, at the JDK's decoding speed. ISA-L accepts a Huffman code "
                    + "zlib rejects as incomplete when the data never uses a missing code.")
            .build();

    public static final Setting<String> QAT_EMULATOR = Setting.builder("qat.emulator", Type.STRING, String.class)
            .importance(Importance.LOW).aliases("emulator").where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("Directory of kqat's QAT emulator libraries, loaded instead of the system qatlib (tests and demos "
                    + "only). The command's --emulator[=iova|legacy] names a variant of the build's emulator instead.")
            .build();

    public static final Setting<String> QAT_VFIO_DIR = Setting.builder("qat.vfio.dir", Type.STRING, String.class)
            .defaultText("/dev/vfio, or <qat.emulator>/vfio").importance(Importance.LOW)
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("Where the VFIO device nodes are.")
            .build();

    public static final Setting<String> QAT_SYSFS_ROOT = Setting.builder("qat.sysfs.root", Type.STRING, String.class)
            .defaultText("/sys, or <qat.emulator>/sys").importance(Importance.LOW)
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("Where sysfs is: VFIO's no-IOMMU parameter and the devices are read there.")
            .build();

    public static final Setting<String> QAT_SECTION = Setting.builder("qat.section", Type.STRING, String.class)
            .defaultValue("SSL").importance(Importance.LOW).where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("qatlib configuration section (icp_sal_userStart's process name).")
            .build();

    public static final Setting<Long> QAT_TIMEOUT_MS = Setting.builder("qat.timeout.ms", Type.LONG, Long.class)
            .range(1, Long.MAX_VALUE).defaultText("100, or 2000 with qat.emulator").importance(Importance.LOW)
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("How long one request may take, at least, before the device is taken as not answering and the "
                    + "batch is redone on the next rung.")
            .build();

    public static final Setting<Long> QAT_TIMEOUT_PER_MIB_MS =
            Setting.builder("qat.timeout.per.mib.ms", Type.LONG, Long.class)
                    .range(0, Long.MAX_VALUE).defaultText("25, or 500 with qat.emulator").importance(Importance.LOW)
                    .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
                    .doc("What one request may take on top of qat.timeout.ms per MiB it reads and writes.")
                    .build();

    public static final Setting<Long> QAT_REGION_BYTES = Setting.builder("qat.region.bytes", Type.SIZE, Long.class)
            .range(2L << 20, 1L << 40).defaultValue(64L << 20).importance(Importance.MEDIUM).aliases("regionBytes")
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("Size of the zero-copy region mapped for the device, in whole 2 MiB pages; the locked-memory limit "
                    + "(ulimit -l) must cover it.")
            .build();

    public static final Setting<Long> NATIVE_MEMORY_BYTES = Setting.builder("native.memory.bytes", Type.SIZE, Long.class)
            .range(16L << 20, 1L << 40).defaultText("256m, or half of -XX:MaxDirectMemorySize when that is less")
            .importance(Importance.MEDIUM).where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("Bound on the native and direct memory kqat takes in this process, in use or idle: batch memory, "
                    + "decoding windows, copies of heap batches, staging buffers and the native libraries' states "
                    + "(about 9 MiB once every backend has served; not the QAT region, which qat.region.bytes "
                    + "sizes). At the bound a batch is read through a "
                    + "smaller window, piece by piece, or waits up to 200 ms for one, else is read on the heap by the "
                    + "JDK's inflater; batches and staging go to the heap and the next rung; it never ends in an "
                    + "OutOfMemoryError. One bound for every copy of kqat in the JVM: the first that sets it decides. "
                    + "io.kqat:type=NativeMemory shows it in use.")
            .build();

    public static final Setting<String> QAT_COMPLETION = Setting.builder("qat.completion", Type.CHOICE, String.class)
            .choices("auto", "poll").defaultValue("auto").importance(Importance.LOW)
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("How kqat learns that the device finished a request: auto (qatlib 26.02+: event mode, the callers "
                    + "take turns sleeping in epoll on their VF's eventfd, the one woken polls and wakes the others "
                    + "whose requests completed; older qatlib: the caller polls, with adaptive backoff) or poll "
                    + "(always poll, to compare). doctor and the start line say which is used and why.")
            .build();

    public static final Setting<Long> QAT_COALESCING_NS = Setting.builder("qat.coalescing.ns", Type.LONG, Long.class)
            .range(0, 512_000).defaultText("qatlib's (10000 in event mode)").importance(Importance.LOW)
            .where(Where.AGENT, Where.CLI, Where.SYSTEM_PROPERTY)
            .doc("qatlib 26.08+ in event mode: how long the device holds a completion's signal so that one wake-up "
                    + "collects several (0 signals each at once; at most 512000, kept in 256 ns steps). Set by the "
                    + "process that starts QAT; qatlib before 26.08 has no timer.")
            .build();

    public static final Setting<String> ZSTD_MODE = Setting.builder("zstd.mode", Type.CHOICE, String.class)
            .choices("auto", "qat", "software", "off").defaultText("as mode; off when mode is jdk")
            .importance(Importance.MEDIUM).where(Where.AGENT, Where.SYSTEM_PROPERTY)
            .doc("Which rungs may serve Kafka's zstd: auto (QAT when present, then libzstd), qat (as auto, but refuse to "
                    + "start without a usable QAT zstd rung), software (libzstd only) or off (Kafka keeps its own "
                    + "zstd-jni; gzip is unaffected). Unset, it follows mode, which stays the one switch for the machine.")
            .build();

    public static final Setting<String> ZSTD_BACKEND = Setting.builder("zstd.backend", Type.STRING, String.class)
            .importance(Importance.LOW).where(Where.AGENT, Where.SYSTEM_PROPERTY)
            .doc("Force one zstd rung by name (qat-zstd, qat-lz4s, libzstd) instead of the ladder's choice; start fails if it is not "
                    + "available. For diagnosis and benchmarks.")
            .build();

    /** Every setting, in the order documentation lists them. */
    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.asList(MODE, BACKEND, LEVEL,
            MAX_DECOMPRESSED_BYTES, DECODE_STRICT, NATIVE_MEMORY_BYTES, QAT_EMULATOR, QAT_VFIO_DIR, QAT_SYSFS_ROOT,
            QAT_SECTION, QAT_TIMEOUT_MS, QAT_TIMEOUT_PER_MIB_MS, QAT_REGION_BYTES, QAT_COMPLETION, QAT_COALESCING_NS,
            ZSTD_MODE, ZSTD_BACKEND));

    private KqatSettings() {
    }

    /** The setting with this key, or with this earlier spelling of it. */
    public static Optional<Setting<?>> find(String key) {
        for (Setting<?> s : ALL) {
            if (s.key().equals(key) || s.aliases().contains(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The keys accepted in one place, for messages. */
    public static String keys(Where where) {
        StringBuilder b = new StringBuilder();
        for (Setting<?> s : ALL) {
            if (s.acceptedBy(where)) {
                b.append(b.length() == 0 ? "" : ", ").append(s.key());
            }
        }
        return b.toString();
    }
}
