package io.vodkit.client.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each named rule: values at its bounds pass, values past them are refused with the range and what was given. */
class LimitsTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        Limits.PART_SIZE,
                        (20L << 20) - 1,
                        "partSize must be 20 MiB to 5 GiB, got 20 MiB (20971519 bytes)"),
                Arguments.of(Limits.PART_SIZE, 6L << 30, "partSize must be 20 MiB to 5 GiB, got 6 GiB"),
                Arguments.of(Limits.CONCURRENCY, 65L, "concurrency must be 1 to 64, got 65"),
                Arguments.of(Limits.JOBS, 0L, "jobs must be 1 to 16, got 0"),
                Arguments.of(Limits.FILE_NAME, "/abs.mp4", "got a leading /"),
                Arguments.of(Limits.FILE_NAME, "a?b.mp4", "got the character ?"),
                Arguments.of(Limits.FILE_NAME, "a\tb.mp4", "got the control character U+0009"),
                Arguments.of(Limits.FILE_NAME, "a/../b.mp4", "got an empty, . or .. segment"),
                Arguments.of(Limits.FILE_NAME, "clips/noext", "got no file extension in 'noext'"),
                Arguments.of(Limits.FILE_NAME, "é".repeat(1024) + ".mp4", "got 2052 bytes (UTF-8)"),
                Arguments.of(Limits.URL_FILE_NAME, "a".repeat(1021) + ".mp4", "got 1025 characters"),
                Arguments.of(
                        Limits.POLL_INTERVAL,
                        Duration.ofMillis(50),
                        "pollInterval must be 0.1 to 3600 seconds, got 0.05 seconds"),
                Arguments.of(Limits.POLL_MAX, 1_000_001L, "pollMax must be 1 to 1000000, got 1000001"),
                Arguments.of(
                        Limits.URL_EXPIRY,
                        Duration.ofDays(366),
                        "urlExpiry must be 1 to 525600 minutes, got 527040 minutes"),
                Arguments.of(Limits.URL_EXPIRY, Duration.ofSeconds(30), "got 0.5 minutes"),
                Arguments.of(Limits.ENDPOINT, URI.create("ftp://host"), "got 'ftp://host'"),
                Arguments.of(Limits.ENDPOINT, URI.create("https://host/path"), "got 'https://host/path'"),
                Arguments.of(Limits.ENDPOINT, URI.create("https://host:99999"), "got 'https://host:99999'"),
                Arguments.of(Limits.ENDPOINT, URI.create("https://user:secret@host"), "got a URL with user info"),
                Arguments.of(Limits.REGION, "ap singapore", "got 'ap singapore'"),
                Arguments.of(Limits.TITLE, "t".repeat(513), "title must be at most 512 characters, got 513 characters"),
                Arguments.of(
                        Limits.URL_TITLE,
                        "t".repeat(129),
                        "title must be at most 128 characters for a URL, got 129 characters"),
                Arguments.of(Limits.DESCRIPTION, "d".repeat(1025), "got 1025 characters"),
                Arguments.of(Limits.URL_DESCRIPTION, "d".repeat(257), "got 257 characters"),
                Arguments.of(
                        Limits.TAGS,
                        "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q",
                        "tags must be at most 16 comma-separated tags, got 17 tags"),
                Arguments.of(Limits.URL_TAGS, "x".repeat(37), "got 37 characters"),
                Arguments.of(
                        Limits.CALLBACK_ARGS,
                        "é".repeat(257),
                        "callbackArgs must be at most 512 bytes (UTF-8), got 514 bytes"),
                Arguments.of(Limits.CATEGORY, "film", "got 'film'"),
                Arguments.of(Limits.RECORD_TYPE, 3, "recordType must be 1 (audio/video) or 2 (material), got 3"),
                Arguments.of(Limits.CLASSIFICATION_ID, -1L, "got -1"),
                Arguments.of(Limits.STORAGE_CLASS, "cold", "storageClass must be standard, archive or ia, got 'cold'"),
                Arguments.of(Limits.PUBLISH_STATUS, "Draft", "got 'Draft'"),
                Arguments.of(Limits.WORKFLOW_TEMPLATE, " ", "got an empty id"),
                Arguments.of(Limits.PAGE_SIZE, 101L, "pageSize must be 1 to 100, got 101"),
                Arguments.of(Limits.OFFSET, 10_001L, "offset must be 0 to 10000, got 10001"),
                Arguments.of(Limits.FILE_NAME_COUNT, 1001L, "fileNames must be 1 to 1000, got 1001"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refused")
    <T> void refusesValuesPastTheLimit(Limit<T> limit, T value, String message) {
        assertThatThrownBy(() -> limit.check(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(limit.name() + " must be " + limit.accepted())
                .hasMessageEndingWith(message)
                .satisfies(e -> assertThat(((InvalidValueException) e).name()).isEqualTo(limit.name()));
    }

    @Test
    void valuesAtTheBoundsAndAbsentValuesPass() {
        assertThat(Limits.PART_SIZE.check(20L << 20)).isEqualTo(20L << 20);
        assertThat(Limits.PART_SIZE.check(5L << 30)).isEqualTo(5L << 30);
        assertThat(Limits.FILE_NAME.check("clips/2026/a b.mp4")).isNotNull();
        assertThat(Limits.FILE_NAME.check(null)).isNull();
        assertThat(Limits.POLL_INTERVAL.check(Duration.ofMillis(100))).isNotNull();
        assertThat(Limits.URL_EXPIRY.check(Duration.ofDays(365))).isNotNull();
        assertThat(Limits.ENDPOINT.check(URI.create("http://127.0.0.1:65535/"))).isNotNull();
        assertThat(Limits.TITLE.check("t".repeat(512))).isNotNull();
        assertThat(Limits.TAGS.check("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,p, ,"))
                .as("repeats and empties not counted")
                .isNotNull();
        assertThat(Limits.CALLBACK_ARGS.check("c".repeat(512))).isNotNull();
        assertThat(Limits.storageClass(" Archive ")).isEqualTo("ARCHIVE");
        assertThat(Limits.CLASSIFICATION_ID.check(0L)).isZero();
    }

    @Test
    void charactersAreCountedAsAPersonCountsThem() {
        assertThat(Limit.maxChars("title", 128).check("😀".repeat(128)))
                .as("code points, not UTF-16 units")
                .isNotNull();
    }

    @Test
    void aNewRuleIsOneLine() {
        Limit<String> description = Limit.maxChars("description", 256);

        assertThat(description.toString()).isEqualTo("description must be at most 256 characters");
        assertThatThrownBy(() -> description.check("d".repeat(257)))
                .hasMessage("description must be at most 256 characters, got 257 characters");
    }
}
