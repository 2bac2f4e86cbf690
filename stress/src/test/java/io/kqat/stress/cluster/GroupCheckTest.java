package io.kqat.stress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group's members together: a record read by neither is lost, one read by both is duplicated. */
class GroupCheckTest {
    @TempDir
    Path dir;

    private Path seen(String name, int from, int to, int... skipped) throws Exception {
        BitSet bits = new BitSet();
        bits.set(from, to);
        for (int s : skipped) {
            bits.clear(s);
        }
        return Files.write(dir.resolve(name), bits.toByteArray());
    }

    private static Properties member(long duplicated, String duplicatedSeqs, long reordered, long altered) {
        Properties p = new Properties();
        p.setProperty("duplicated", Long.toString(duplicated));
        p.setProperty("duplicated.seqs", duplicatedSeqs);
        p.setProperty("reordered", Long.toString(reordered));
        p.setProperty("reordered.seqs", reordered > 0 ? "3" : "");
        p.setProperty("altered", Long.toString(altered));
        p.setProperty("altered.seqs", "");
        return p;
    }

    @Test
    void membersThatShareTheRecordsExactlyPass() throws Exception {
        Properties p = GroupCheck.of(100, List.of(member(0, "", 0, 0), member(0, "", 0, 0)),
                List.of(seen("a", 0, 60), seen("b", 60, 100)));
        assertThat(new Problems(p, "").total()).isZero();
    }

    @Test
    void aRecordNeitherReadIsLostAndOneBothReadIsDuplicated() throws Exception {
        Properties p = GroupCheck.of(100, List.of(member(0, "", 0, 0), member(1, "70", 0, 0)),
                List.of(seen("a", 0, 61, 12), seen("b", 60, 100)));
        assertThat(p).containsEntry("lost", "1").containsEntry("lost.seqs", "12")
                .containsEntry("duplicated", "2").containsEntry("duplicated.seqs", "70,60");
    }

    @Test
    void eachMembersOwnReordersAndAlterationsCount() throws Exception {
        Properties p = GroupCheck.of(100, List.of(member(0, "", 1, 0), member(0, "", 0, 2)),
                List.of(seen("a", 0, 50), seen("b", 50, 100)));
        Problems problems = new Problems(p, "");
        assertThat(problems.count("reordered")).isEqualTo(1);
        assertThat(problems.count("altered")).isEqualTo(2);
    }
}
