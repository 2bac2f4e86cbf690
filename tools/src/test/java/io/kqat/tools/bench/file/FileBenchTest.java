package io.kqat.tools.bench.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.bench.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-file bench where no C tool is installed: kqat's own rows, and a list of what is missing. */
class FileBenchTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheCToolsKqatIsMeasuredAndTheAbsentOnesAreNamed() throws Exception {
        Path input = dir.resolve("events.json");
        Files.write(input, new KafkaLikeEvents(1).fill(1 << 20));
        Path emptyPath = Files.createDirectory(dir.resolve("bin"));
        Path work = Files.createDirectory(dir.resolve("work"));
        FileBench bench = new FileBench(input, CodecConfig.builder().mode(Mode.SOFTWARE).build(), 2, 256 << 10, 1,
                work, List.of(emptyPath));
        assertThat(bench.absentTools()).containsExactly("gzip (Debian package gzip)", "pigz (Debian package pigz)",
                "libdeflate-gzip (Debian package libdeflate-tools)",
                "libdeflate-gunzip (Debian package libdeflate-tools)", "igzip (Debian package isal)");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        bench.printAbsent(new PrintStream(text, true));
        assertThat(text.toString()).startsWith("not installed, so not compared: gzip (Debian package gzip), pigz");

        List<FileRun> runs = bench.run(List.of(6), Progress.start(new PrintStream(text), "test", 1));
        assertThat(runs).extracting(FileRun::tool).containsExactly("kqat compress --threads 2 (libdeflate)",
                "kqat compress --threads 1 (libdeflate)", "kqat decompress (isal)");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.plainBytes()).isEqualTo(1 << 20);
            assertThat(r.ratio()).isGreaterThan(3);
            assertThat(r.note()).isEmpty();
        });
        assertThat(runs.get(2).input()).isEqualTo("kqat -6 (4 members)");
    }

    @Test
    void eachToolIsRunAsAUserRunsIt() {
        CTool pigz = CTool.ALL.get(1);
        assertThat(CTool.display(pigz.compressCommand(Path.of("/usr/bin/pigz"), 6, 2).orElseThrow()))
                .isEqualTo("pigz -6 -p 2");
        CTool libdeflate = CTool.ALL.get(2);
        assertThat(CTool.display(libdeflate.decompressCommand(Path.of("/usr/bin/libdeflate-gunzip"))))
                .isEqualTo("libdeflate-gunzip");
        CTool igzip = CTool.ALL.get(3);
        assertThat(igzip.compressCommand(Path.of("/usr/bin/igzip"), 6, 1)).as("igzip stops at level 3").isEmpty();
        assertThat(CTool.display(igzip.decompressCommand(Path.of("/usr/bin/igzip")))).isEqualTo("igzip -d");
    }
}
