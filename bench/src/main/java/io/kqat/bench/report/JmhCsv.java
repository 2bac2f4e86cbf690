package io.kqat.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a JMH {@code -rf csv} result file: benchmark method, its parameters, score per second. */
final class JmhCsv {
    /** One result: e.g. method {@code build}, metric {@code uncompressed} (empty for the primary score). */
    record Row(String benchmark, String method, String metric, Map<String, String> params, double score) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private JmhCsv() {
    }

    static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = fields(lines.get(0));
        int score = header.indexOf("Score");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            String name = f.get(0);
            String metric = "";
            int colon = name.indexOf(':');
            if (colon >= 0) {
                metric = name.substring(colon + 1);
                name = name.substring(0, colon);
            }
            int dot = name.lastIndexOf('.');
            String benchmark = name.substring(0, dot);
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && i < f.size()) {
                    params.put(header.get(i).substring("Param: ".length()), f.get(i));
                }
            }
            rows.add(new Row(benchmark.substring(benchmark.lastIndexOf('.') + 1), name.substring(dot + 1), metric,
                    params, Double.parseDouble(f.get(score))));
        }
        return rows;
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
