package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentEncodingTest {

    @ParameterizedTest(name = "[{0}] with safe [{1}] -> [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "AZaz09-_.~|''|AZaz09-_.~",
                "a b|''|a%20b",
                "a+b/c|''|a%2Bb%2Fc",
                "é|''|%C3%A9",
                "/path/to/my file.mp4|/$&+,:;=@|/path/to/my%20file.mp4",
                "/视频/a.mp4|/$&+,:;=@|/%E8%A7%86%E9%A2%91/a.mp4",
                "/a?b#c%d|/$&+,:;=@|/a%3Fb%23c%25d",
                "video/mp4|/|video/mp4",
            })
    void encodesEverythingOutsideTheSafeSet(String text, String safe, String expected) {
        assertThat(PercentEncoding.encode(text, safe)).isEqualTo(expected);
    }
}
