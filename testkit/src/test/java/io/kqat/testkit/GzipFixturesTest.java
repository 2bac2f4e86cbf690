package io.kqat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fixtures are what they say, as the JDK reads them. */
class GzipFixturesTest {
    private static final byte[] TEXT = "kqat fixtures\n".repeat(300).getBytes(StandardCharsets.UTF_8);

    @Test
    void membersTheJdkWroteReadBackOneAfterTheOther() {
        assertThat(GzipFixtures.gunzip(GzipFixtures.gzip(TEXT))).isEqualTo(TEXT);
        byte[] three = GzipFixtures.gzipMembers(TEXT, new byte[0], TEXT);
        assertThat(GzipFixtures.gunzip(three)).isEqualTo(GzipFixtures.concat(TEXT, TEXT));
        assertThat(three).startsWith(GzipFixtures.gzip(TEXT)).endsWith(GzipFixtures.gzip(TEXT));
        assertThat(three.length).isEqualTo(2 * GzipFixtures.gzip(TEXT).length + GzipFixtures.gzip(new byte[0]).length);
    }

    @Test
    void theHeaderCarriesEveryOptionalFieldAndAValidHeaderCrc() {
        byte[] header = GzipFixtures.headerWithAllFields();
        assertThat(header[3]).as("FLG: FHCRC, FEXTRA, FNAME, FCOMMENT").isEqualTo((byte) 0x1e);
        byte[] member = GzipFixtures.memberWithAllHeaderFields(TEXT);
        assertThat(member).startsWith(header);
        assertThat(GzipFixtures.gunzip(member)).as("GZIPInputStream checks FHCRC").isEqualTo(TEXT);
        member[header.length - 1] ^= 1;
        assertThatThrownBy(() -> GzipFixtures.gunzip(member)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aZerosMemberIsSmallAndExpandsToItsSize() {
        byte[] bomb = GzipFixtures.zerosMember((3L << 20) + 5);
        assertThat(bomb.length).isLessThan(8 << 10);
        assertThat(GzipFixtures.gunzip(bomb)).hasSize((3 << 20) + 5).containsOnly(0);
    }
}
