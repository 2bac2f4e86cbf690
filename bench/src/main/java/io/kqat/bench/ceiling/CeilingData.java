package io.kqat.bench.ceiling;

import io.kqat.local.e2e.DatasetRecords;
import io.kqat.local.e2e.PublicDataset;
import io.kqat.samples.ApiDocRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file both sides of {@link CeilingCompare} read (the C harness takes a path): the caller's, the GeoNames records
 * one per line ({@code geonames}, gzip -6 about 4.4 at 64 KiB), or generated JSON documentation records
 * ({@code apidocs}, {@link ApiDocRecords}, about 10 at 64 KiB); at most {@code bytes} of it.
 */
final class CeilingData {
    /** Bytes of generated records when no bound is given. */
    static final int APIDOCS_BYTES = 16 << 20;

    private CeilingData() {
    }

    static Path file(Path input, String dataset, long bytes) throws IOException {
        Path whole;
        if (input != null) {
            whole = input;
        } else if (dataset.equals("geonames")) {
            whole = datasetAsLines();
        } else if (dataset.equals("apidocs")) {
            int n = (int) Math.min(bytes, APIDOCS_BYTES);
            return write(new ApiDocRecords(22).fill(n), "apidocs-" + n);
        } else {
            throw new IllegalArgumentException("unknown dataset " + dataset + " (geonames, apidocs)");
        }
        if (bytes >= Files.size(whole)) {
            return whole;
        }
        try (InputStream in = Files.newInputStream(whole)) {
            return write(in.readNBytes((int) Math.min(bytes, Integer.MAX_VALUE - 8)), "head-" + bytes);
        }
    }

    private static Path write(byte[] data, String name) throws IOException {
        Path file = Files.createTempFile("kqat-ceiling-" + name, ".jsonl");
        file.toFile().deleteOnExit();
        Files.write(file, data);
        return file;
    }

    /** The public dataset's records, one per line, written once next to the dataset. */
    static Path datasetAsLines() {
        Path json = PublicDataset.file();
        Path lines = json.resolveSibling("cities.jsonl");
        if (Files.isRegularFile(lines)) {
            return lines;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : DatasetRecords.read(json)) {
            out.write(record, 0, record.length);
            out.write('\n');
        }
        try {
            Path tmp = Files.createTempFile(lines.getParent(), "cities", ".tmp");
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, lines, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
