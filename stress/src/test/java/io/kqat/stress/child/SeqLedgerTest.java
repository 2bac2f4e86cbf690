package io.kqat.stress.child;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The checker's bookkeeping catches each kind of planted problem, and finds none in a sound stream. */
class SeqLedgerTest {
    private static final long SEED = 3;
    private static final int PARTITIONS = 3;
    private final SeqLedger ledger = new SeqLedger(SEED, PARTITIONS, 30);
    private final long[] offsets = new long[PARTITIONS];

    private void read(int seq) {
        read(seq % PARTITIONS, KafkaLikeEvents.record(SEED, seq));
    }

    private void read(int partition, byte[] value) {
        ledger.record(partition, offsets[partition]++, value);
    }

    private Properties report() {
        Properties p = new Properties();
        ledger.putAll(p, 30);
        return p;
    }

    @Test
    void aSoundStreamHasNoProblem() {
        for (int seq = 0; seq < 30; seq++) {
            read(seq);
        }
        assertThat(report()).containsEntry("lost", "0").containsEntry("duplicated", "0").containsEntry("reordered", "0")
                .containsEntry("altered", "0").containsEntry("distinct", "30").containsEntry("firstProblem", "");
        assertThat(ledger.clean()).isTrue();
    }

    @Test
    void partitionsInterleaveFreely() {
        for (int p = PARTITIONS - 1; p >= 0; p--) { // all of partition 2, then 1, then 0: each in order
            for (int seq = p; seq < 30; seq += PARTITIONS) {
                read(seq);
            }
        }
        assertThat(ledger.clean()).isTrue();
        assertThat(ledger.lost(30)).isZero();
    }

    @Test
    void aPlantedLossIsFoundAndListed() {
        for (int seq = 0; seq < 30; seq++) {
            if (seq != 7 && seq != 20) {
                read(seq);
            }
        }
        assertThat(report()).containsEntry("lost", "2").containsEntry("lost.seqs", "7,20")
                .containsEntry("firstProblem", "first lost seq 7");
    }

    @Test
    void aPlantedDuplicateIsFound() {
        for (int seq = 0; seq < 30; seq++) {
            read(seq);
        }
        read(13);
        assertThat(report()).containsEntry("duplicated", "1").containsEntry("duplicated.seqs", "13").containsEntry("lost", "0");
        assertThat(ledger.clean()).isFalse();
    }

    @Test
    void aPlantedReorderWithinAPartitionIsFound() {
        for (int seq : new int[] {0, 3, 9, 6, 12}) { // partition 0: 6 after 9
            read(seq);
        }
        assertThat(report()).containsEntry("reordered", "1").containsEntry("reordered.seqs", "6");
    }

    @Test
    void alteredBytesAnUnknownSeqAndTheWrongPartitionAreFound() {
        byte[] changed = KafkaLikeEvents.record(SEED, 4);
        changed[changed.length - 2] ^= 1;
        read(1, changed);
        read(0, KafkaLikeEvents.record(SEED, 4)); // seq 4 belongs to partition 1
        read(1, KafkaLikeEvents.record(SEED, 31)); // never sent (30 were)
        read(2, "not a record".getBytes());
        read(2, KafkaLikeEvents.record(SEED + 1, 5)); // another seed's bytes
        assertThat(report()).containsEntry("altered", "5").containsEntry("altered.seqs", "4,4,31,-1,5")
                .containsEntry("distinct", "0");
    }
}
