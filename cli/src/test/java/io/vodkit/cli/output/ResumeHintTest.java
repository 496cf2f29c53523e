package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResumeHintTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hb:0123abcd              | hb:0123abcd",
        "/tmp/a-b_c.d/e=f@g%h+i,j | /tmp/a-b_c.d/e=f@g%h+i,j",
        "my space                 | 'my space'",
        "it's                     | 'it'\\''s'",
        "$HOME;rm -rf             | '$HOME;rm -rf'",
        "\"\"                       | ''",
    })
    void wordsAreSingleQuotedOnlyWhenNeeded(String word, String quoted) {
        assertThat(ResumeHint.quote(word)).isEqualTo(quoted);
    }

    @Test
    void theCommandJoinsQuotedWords() {
        ResumeHint hint = ResumeHint.of("d", List.of("vodkit", "poll", "hb:1", "my space", "--home", "/h"));

        assertThat(hint.command()).isEqualTo("vodkit poll hb:1 'my space' --home /h");
        assertThat(hint.description()).isEqualTo("d");
    }
}
