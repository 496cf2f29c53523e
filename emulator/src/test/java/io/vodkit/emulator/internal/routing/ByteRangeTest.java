package io.vodkit.emulator.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // header         | size | satisfiable | partial | start | length | Content-Range
                "null             | 100  | true  | false | 0  | 100 | bytes 0-99/100",
                "bytes=0-9        | 100  | true  | true  | 0  | 10  | bytes 0-9/100",
                "bytes=90-        | 100  | true  | true  | 90 | 10  | bytes 90-99/100",
                "bytes=-10        | 100  | true  | true  | 90 | 10  | bytes 90-99/100",
                "bytes=-500       | 100  | true  | true  | 0  | 100 | bytes 0-99/100",
                "bytes=50-500     | 100  | true  | true  | 50 | 50  | bytes 50-99/100",
                "bytes=99-99      | 100  | true  | true  | 99 | 1   | bytes 99-99/100",
                "bytes=100-       | 100  | false | false | 0  | 0   | bytes */100",
                "bytes=200-300    | 100  | false | false | 0  | 0   | bytes */100",
                "bytes=-0         | 100  | false | false | 0  | 0   | bytes */100",
                "bytes=0-         | 0    | false | false | 0  | 0   | bytes */0",
                "bytes=9-5        | 100  | true  | false | 0  | 100 | bytes 0-99/100",
                "bytes=0-1,5-6    | 100  | true  | false | 0  | 100 | bytes 0-99/100",
                "items=0-1        | 100  | true  | false | 0  | 100 | bytes 0-99/100",
                "bytes=a-b        | 100  | true  | false | 0  | 100 | bytes 0-99/100",
            })
    void parsesSingleRanges(
            String header,
            long size,
            boolean satisfiable,
            boolean partial,
            long start,
            long length,
            String contentRange) {
        ByteRange range = ByteRange.parse(header, size);

        assertThat(range).isEqualTo(new ByteRange(satisfiable, partial, start, length));
        assertThat(range.contentRange(size)).isEqualTo(contentRange);
    }
}
