package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.bombs.BombsRun;
import io.kqat.stress.faults.FaultsReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI forms of {@code scripts/stress faults}, {@code soak} and {@code bombs}, sharing one stock broker: 20k
 * records at 10% device faults and with the device hanging; 5k records with a rung throwing Error, RuntimeException
 * and OutOfMemoryError at close; a 20 s soak; 2 bomb producers into the stock broker and into one with the agent.
 */
class BrokerStressTest {
    @TempDir
    static Path work;
    private static LocalKafkaBroker stock;

    @BeforeAll
    static void startBroker() {
        stock = LocalKafkaBroker.builder(work.resolve("stock-broker")).start();
    }

    @AfterAll
    static void stopBroker() {
        if (stock != null) {
            stock.close();
        }
    }

    @Test
    void deviceFaultsAndAHungDeviceLoseDuplicateAndReorderNothing() {
        List<FaultsReport> reports = FaultsCommand.runAll(stock, work.resolve("faults"), 20_000, 7, List.of("10", "hang"),
                Duration.ofMinutes(10));
        print(reports);
        for (FaultsReport r : reports) {
            assertThat(r.lostDuplicatedReordered()).as(r.caseName).isZero();
            assertThat(r.number("checker.distinct")).as(r.caseName).isEqualTo(20_000);
            assertThat(r.faultsSeen()).as(r.caseName + ": device faults kqat counted (the emulator's knobs must work)").isPositive();
        }
    }

    @Test
    void aRungThatThrowsAtCloseLosesNothingInARealProducer() throws Exception {
        List<FaultsReport> reports = FaultsCommand.runAll(stock, work.resolve("throwing"), 5_000, 7,
                List.of("error", "runtime", "oom"), Duration.ofMinutes(10));
        print(reports);
        for (FaultsReport r : reports) {
            assertThat(r.lostDuplicatedReordered()).as(r.caseName).isZero();
            assertThat(r.number("checker.distinct")).as(r.caseName).isEqualTo(5_000);
            String out = Files.readString(Path.of(r.get("producer.output")), StandardCharsets.ISO_8859_1);
            // the provider on the application class path was found by the agent's ServiceLoader, and really threw
            assertThat(out).containsPattern("rung .throwing. was given [0-9]+ compressions and threw [a-z]+ at [1-9][0-9]* of them");
        }
    }

    @Test
    void soakLeavesNothingBehind() {
        Properties r = SoakCommand.soak(stock, work.resolve("soak"), 20, 4);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SoakCommand.print(r, new PrintStream(text, true, StandardCharsets.UTF_8));
        System.out.println(text);
        assertThat(SoakCommand.leaks(r, System.out)).as("leaks").isFalse();
        assertThat(Long.parseLong(r.getProperty("kqat.total.compressBatches"))).isPositive();
        assertThat(Long.parseLong(r.getProperty("slotsInUse.max"))).as("batches went through the QAT region").isPositive();
    }

    @Test
    void aBrokerWithTheAgentTakesZeroBombsAsAStockBrokerDoes() {
        Properties onStock = BombsRun.load(stock, work.resolve("bombs-stock"), false, 2, 1, 256);
        Properties onKqat = BombsRun.run(work.resolve("bombs-kqat"), "", 2, 1, 256);
        BombsCommand.print(System.out, 2, 1, 256, onStock, onKqat);
        assertThat(BombsCommand.same(onStock, onKqat, System.out)).isTrue();
        assertThat(onKqat.getProperty("producer.records.acked")).isEqualTo("512");
        assertThat(Long.parseLong(onKqat.getProperty("kqat.decompressBatches"))).as("kqat validated the bombs").isPositive();
    }

    private static void print(List<FaultsReport> reports) {
        FaultsReport.header(System.out);
        reports.forEach(r -> r.row(System.out));
        reports.forEach(r -> r.detail(System.out));
    }
}
