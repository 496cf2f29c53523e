package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "hb:0123abcd              | hb:0123abcd",
                "/tmp/a-b_c.d/e=f@g%h+i,j | /tmp/a-b_c.d/e=f@g%h+i,j",
                "my space                 | 'my space'",
                "it's                     | 'it'\\''s'",
                "$HOME;rm -rf             | '$HOME;rm -rf'",
                "\"\"                       | ''",
            })
    void wordsAreSingleQuotedOnlyWhenNeeded(String word, String quoted) {
        assertThat(Launcher.quote(word)).isEqualTo(quoted);
    }

    @Test
    void theCommandIsTheLauncherThenTheQuotedArguments() {
        assertThat(Launcher.ON_PATH.command(List.of("poll", "hb:1", "my space", "--home", "/h")))
                .isEqualTo("vodkit poll hb:1 'my space' --home /h");
        assertThat(new Launcher("my tools/vodkit").command(List.of("serve", "--stop")))
                .isEqualTo("'my tools/vodkit' serve --stop");
    }
}
