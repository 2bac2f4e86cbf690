package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.stress.fuzz.FuzzCampaign;
import io.kqat.stress.fuzz.FuzzReport;
import io.kqat.stress.fuzz.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI form of {@code scripts/stress fuzz}: a few thousand seeded inputs through every rung and path. */
class FuzzCampaignTest {
    @Test
    void seededInputsDecodeAsGzipInputStreamDoesOrAreRejectedAsCorrupt(@TempDir Path out) {
        FuzzCampaign.Settings s = new FuzzCampaign.Settings();
        s.inputs = Long.getLong("kqat.fuzz.inputs", 3000);
        s.seed = 20261129;
        s.failureDir = out;
        FuzzReport report = FuzzCampaign.run(s);
        report.print(System.out, s.seed);

        assertThat(report.hang()).as("a decode ran over the time bound").isNull();
        assertThat(report.failures()).as("inputs kqat got wrong").isEmpty();
        assertThat(report.inputs()).isEqualTo(s.inputs);
        // every rung and path really ran, and the campaign reached both sides and the listed differences
        assertThat(report.rungPaths()).contains("qat/batch", "qat-pinned/stream", "libdeflate/whole", "jdk/batch");
        assertThat(report.count(Verdict.SAME_OUTPUT)).isPositive();
        assertThat(report.count(Verdict.BOTH_REJECT)).isPositive();
        assertThat(report.count(Verdict.DIFF_TRAILING_BYTES)).isPositive();
        assertThat(report.count(Verdict.OVER_BOUND)).isPositive();
    }
}
