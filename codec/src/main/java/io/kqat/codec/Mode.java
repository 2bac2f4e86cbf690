package io.kqat.codec;

import java.util.Locale;

/** Which rungs of the fallback ladder a codec may use. The JDK rung is always kept last so no batch is ever refused. */
public enum Mode {
    /** QAT zero-copy, QAT pinned-copy, native software, JDK: the best one present wins. */
    AUTO,
    /** Like AUTO but QAT must be present at start; per-batch device faults still fall back. */
    QAT,
    /** Native software (ISA-L, libdeflate), then the JDK: never touches the device. */
    SOFTWARE,
    /** The JDK's zlib only. */
    JDK;

    public static Mode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kqat mode '" + text + "' (expected auto, qat, software or jdk)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
