package io.kqat.stress;

import io.kqat.stress.bombs.BombsRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scripts/stress bombs}: the same bombs into a stock broker and into one with the agent, side by side. */
@Command(name = "bombs", showDefaultValues = true, description = "A broker with the agent at -Xmx512m and a stock "
        + "broker, same settings, each taking N concurrent producers sending batches of M MiB of zeros: what each "
        + "accepted and its heap high-water mark. Exit 1 if the kqat broker dies or accepts something else than the "
        + "stock broker.")
final class BombsCommand extends Mode {
    @Option(names = "--producers", paramLabel = "N", defaultValue = "8", description = "Concurrent producers.")
    int producers;
    @Option(names = "--batches", paramLabel = "B", defaultValue = "1", description = "Batches each producer sends.")
    int batches;
    @Option(names = "--mib", paramLabel = "M", defaultValue = "256", description = "MiB of zeros per batch.")
    int mib;
    @Mixin
    OutDir out;

    @Override
    public Integer call() {
        Path work = out.run("bombs");
        Properties stock = BombsRun.run(work.resolve("stock"), null, producers, batches, mib);
        Properties kqat = BombsRun.run(work.resolve("kqat"), "", producers, batches, mib);
        print(System.out, producers, batches, mib, stock, kqat);
        return same(stock, kqat, System.out) ? 0 : 1;
    }

    static void print(PrintStream out, int producers, int batches, int mib, Properties stock, Properties kqat) {
        out.printf("kqat bombs: %d concurrent producers x %d batch(es) of %d MiB of zeros (1 MiB records, gzip), brokers "
                + "at -Xmx512m -XX:+UseSerialGC%n", producers, batches, mib);
        out.printf("%-22s %8s %9s %8s %22s %22s %9s %s%n", "broker", "alive", "accepted", "failed", "heap max polled (MiB)",
                "heap pool peaks (MiB)", "seconds", "first failure");
        row(out, "stock", stock);
        row(out, "kqat agent", kqat);
        out.println("kqat broker: " + kqat.getProperty("kqat.decompressBatches") + " batches decompressed by kqat, "
                + kqat.getProperty("kqat.decompressBytesOut") + " bytes out");
    }

    private static void row(PrintStream out, String name, Properties p) {
        out.printf("%-22s %8s %9s %8s %22s %22s %9s %s%n", name, p.getProperty("broker.alive"),
                p.getProperty("producer.records.acked"), p.getProperty("producer.records.failed"),
                mib(p.getProperty("heap.maxPolledUsed")) + " (" + p.getProperty("heap.polls") + " polls)",
                mib(p.getProperty("heap.poolPeaks")), p.getProperty("producer.seconds"), p.getProperty("producer.firstFailure"));
    }

    private static String mib(String bytes) {
        return bytes == null ? "-" : String.format("%.1f", Long.parseLong(bytes) / 1048576.0);
    }

    /** The kqat broker stayed up and accepted and refused exactly what the stock broker did. */
    static boolean same(Properties stock, Properties kqat, PrintStream out) {
        for (Properties p : new Properties[] {stock, kqat}) {
            long answered = Long.parseLong(p.getProperty("producer.records.acked")) + Long.parseLong(p.getProperty("producer.records.failed"));
            if (answered != Long.parseLong(p.getProperty("producer.records.expected"))) {
                out.println("FAIL: a producer did not get an answer for every record: " + p.getProperty("producer.firstFailure"));
                return false;
            }
        }
        boolean ok = "true".equals(kqat.getProperty("broker.alive"))
                && stock.getProperty("producer.records.acked").equals(kqat.getProperty("producer.records.acked"))
                && stock.getProperty("producer.records.failed").equals(kqat.getProperty("producer.records.failed"));
        out.println(ok ? "kqat broker accepted exactly what the stock broker accepted" : "FAIL: the kqat broker differs from the stock broker");
        return ok;
    }
}
