package io.kqat.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import io.kqat.local.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on a free loopback port, scraping the given targets
 * every second and evaluating the given rule files every second; queried through its HTTP API.
 */
final class Prometheus implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private final Thread reaper;

    private Prometheus(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.url = "http://127.0.0.1:" + port;
        this.reaper = new Thread(process::destroyForcibly, "kqat-reap-prometheus");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * @param targets job name to {@code host:port}
     */
    static Prometheus start(Path dir, Map<String, String> targets, List<Path> ruleFiles) {
        Path binary = DeployFiles.program("prometheus", "prometheus");
        int port = DeployFiles.freePort();
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                + "  evaluation_interval: 1s\nrule_files:\n");
        ruleFiles.forEach(f -> config.append("  - ").append(f.toAbsolutePath()).append('\n'));
        config.append("scrape_configs:\n");
        targets.forEach((job, target) -> config.append("  - job_name: ").append(job).append('\n')
                .append("    static_configs:\n      - targets: ['").append(target).append("']\n"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("prometheus.yml");
            Files.writeString(file, config);
            Path log = dir.resolve("prometheus.log");
            Process p = new ProcessBuilder(binary.toString(), "--config.file=" + file,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Prometheus prometheus = new Prometheus(p, log, port);
            prometheus.awaitReady();
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start prometheus", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("prometheus did not become ready\n" + ChildJvm.tailOf(log, 30));
            }
            sleep(200);
        }
    }

    /** The series an instant query returns now: each one's labels and value. */
    List<Sample> query(String promql) {
        try {
            HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            JsonNode body = DeployFiles.JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new AssertionError("query failed: " + promql + "\n" + r.body());
            }
            List<Sample> samples = new ArrayList<>();
            for (JsonNode s : body.path("data").path("result")) {
                samples.add(new Sample(s.path("metric").toString(), Double.parseDouble(s.path("value").get(1).asText())));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code promql} returns at least one series. */
    List<Sample> await(String promql, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Sample> s = query(promql);
            if (!s.isEmpty()) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + ": " + what + " (" + promql + ")\n"
                        + ChildJvm.tailOf(log, 20));
            }
            sleep(500);
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** One series of a query's answer: its labels as JSON and its value. */
    record Sample(String labels, double value) {
    }
}
