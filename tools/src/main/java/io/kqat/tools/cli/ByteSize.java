package io.kqat.tools.cli;

import java.util.Locale;
import picocli.CommandLine;

/** A byte count as people write one: {@code 65536}, {@code 64k}, {@code 1M}, {@code 2GiB} (powers of 1024). */
public final class ByteSize implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> { }
            }
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a byte count (examples: 65536, 64k, 1M)");
        }
        if (value < 0 || value > Long.MAX_VALUE >> shift) {
            throw new CommandLine.TypeConversionException("'" + text + "' is out of range");
        }
        return value << shift;
    }
}
