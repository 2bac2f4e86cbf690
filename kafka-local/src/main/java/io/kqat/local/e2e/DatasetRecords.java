package io.kqat.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a dataset file into Kafka record values: a JSON array gives one record per top-level element (as compact as it
 * is in the file), anything else one record per non-empty line (JSON lines, logs). Works on bytes: the structural
 * characters of JSON are ASCII, so UTF-8 text inside strings is copied untouched.
 */
public final class DatasetRecords {
    private DatasetRecords() {
    }

    public static List<byte[]> read(Path file) {
        try {
            return split(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file, e);
        }
    }

    /** At most {@code maxBytes} of records (all when 0), from the first. */
    public static List<byte[]> read(Path file, long maxBytes) {
        List<byte[]> all = read(file);
        if (maxBytes <= 0) {
            return all;
        }
        List<byte[]> some = new ArrayList<>();
        long total = 0;
        for (byte[] r : all) {
            if (total + r.length > maxBytes && !some.isEmpty()) {
                break;
            }
            some.add(r);
            total += r.length;
        }
        return some;
    }

    static List<byte[]> split(byte[] data) {
        int first = skipSpace(data, 0);
        List<byte[]> records = first < data.length && data[first] == '[' ? arrayElements(data, first) : lines(data);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the dataset holds no records");
        }
        return records;
    }

    private static List<byte[]> arrayElements(byte[] data, int open) {
        List<byte[]> out = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = -1;
        for (int i = open + 1; i < data.length; i++) {
            byte b = data[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (b == '"') {
                inString = true;
                start = start < 0 ? i : start;
            } else if (b == '{' || b == '[') {
                start = depth++ == 0 && start < 0 ? i : start;
            } else if (b == '}' || b == ']') {
                if (depth == 0) { // the array's own closing bracket
                    add(out, data, start, i);
                    return out;
                }
                depth--;
            } else if (b == ',' && depth == 0) {
                add(out, data, start, i);
                start = -1;
            } else if (start < 0 && !isSpace(b)) {
                start = i;
            }
        }
        throw new IllegalArgumentException("the dataset's JSON array is not closed");
    }

    private static void add(List<byte[]> out, byte[] data, int start, int end) {
        if (start < 0) {
            return;
        }
        while (end > start && isSpace(data[end - 1])) {
            end--;
        }
        out.add(Arrays.copyOfRange(data, start, end));
    }

    private static List<byte[]> lines(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                int end = i > start && data[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    out.add(Arrays.copyOfRange(data, start, end));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static int skipSpace(byte[] data, int i) {
        while (i < data.length && isSpace(data[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
