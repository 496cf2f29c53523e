package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResumeHintTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "abc|'abc'",
        "it's|'it'\\''s'",
        "`a b`|`'a b'`",
        "$(rm -rf /)|'$(rm -rf /)'",
        "``|''",
        "\"q\"|'\"q\"'"})
    void everyWordIsSingleQuoted(String word, String quoted) {
        assertThat(ResumeHint.quote(word)).isEqualTo(quoted);
    }

    @Test
    void theCommandIsVodkitTheSubcommandAndTheQuotedArguments() {
        ResumeHint hint = ResumeHint.of("resume", "poll-upload", List.of("job1", "my space", "--home", "/h"));

        assertThat(hint.command()).isEqualTo("vodkit poll-upload 'job1' 'my space' '--home' '/h'");
        assertThat(hint.description()).isEqualTo("resume");
    }

    @Test
    void aSubcommandMustBeAPlainCommandName() {
        assertThatThrownBy(() -> ResumeHint.of("d", "poll; rm", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
