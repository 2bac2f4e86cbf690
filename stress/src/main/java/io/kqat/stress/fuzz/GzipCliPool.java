package io.kqat.stress.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Members written by the {@code gzip} command-line tool: made once per campaign (a few dozen processes), then drawn
 * from. {@code -N} writes FNAME and MTIME, as {@code gzip file} does; levels 1, 6 and 9.
 */
final class GzipCliPool {
    private final List<byte[]> members = new ArrayList<>();

    GzipCliPool(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            byte[] payload = Payloads.next(r);
            if (payload.length > (1 << 20)) {
                payload = java.util.Arrays.copyOf(payload, 1 << 20);
            }
            int level = new int[] {1, 6, 9}[i % 3];
            members.add(run(payload, level, i % 2 == 0, i));
        }
    }

    byte[] draw(SplittableRandom r) {
        return members.get(r.nextInt(members.size()));
    }

    int size() {
        return members.size();
    }

    /** {@code gzip -c -LEVEL [-N] file}: with -N, gzip stores the file's name (FNAME) and modification time. */
    private static byte[] run(byte[] payload, int level, boolean withName, int i) {
        try {
            Path dir = Files.createTempDirectory("kqat-fuzz-");
            Path file = dir.resolve("payload-" + i + ".json"); // a fixed name and time: the same seed, the same bytes
            try {
                Files.write(file, payload);
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
                List<String> cmd = new ArrayList<>(List.of("gzip", "-c", "-" + level, withName ? "-N" : "-n", file.toString()));
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream o = p.getInputStream()) {
                    o.transferTo(out);
                }
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("gzip " + cmd + " failed");
                }
                return out.toByteArray();
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the gzip command-line tool is needed (apt-get install gzip): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
