package io.kqat.tools.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** README's option table is the schema's: when a setting changes and README does not, this fails. */
class ReadmeSettingsTest {

    @Test
    void readmeHoldsTheSchemasTable() throws IOException {
        Path readme = Paths.get("..", "README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(SettingsTable.BEGIN);
        int end = text.indexOf(SettingsTable.END);
        assertThat(begin).as("README's settings table markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = text.substring(begin + SettingsTable.BEGIN.length(), end).strip() + "\n";
        assertThat(table).as("README's settings table (regenerate: ./kqat settings --markdown)")
                .isEqualTo(SettingsTable.markdown());
    }
}
