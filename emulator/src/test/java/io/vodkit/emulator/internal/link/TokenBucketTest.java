package io.vodkit.emulator.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {
    private static final long MS = 1_000_000L;

    @ParameterizedTest(name = "{0} B/s, burst {1}: take {2} at 0 ms waits {3} ms")
    @CsvSource({
        // rate, burst, bytes, wait ms
        "1000, 100, 100, 0", // the burst covers it
        "1000, 100, 1100, 1000", // 1000 bytes of debt at 1000 B/s
        "16000000, 65536, 16065536, 1000",
        "1000000, 1000, 1, 0",
    })
    void firstTakeWaitsForTheDebtBeyondTheBurst(long rate, long burst, long bytes, long waitMs) {
        assertThat(new TokenBucket(rate, burst).take(bytes, 0)).isEqualTo(waitMs * MS);
    }

    @Test
    void debtCarriesOverAndRefillsWithTime() {
        TokenBucket bucket = new TokenBucket(1000, 100);

        assertThat(bucket.take(100, 0)).isZero();
        assertThat(bucket.take(100, 0)).isEqualTo(100 * MS);
        // after paying the debt the bucket is empty, so 50 more bytes cost 50 ms
        assertThat(bucket.take(50, 100 * MS)).isEqualTo(50 * MS);
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(1000, 100);
        bucket.take(100, 0);

        assertThat(bucket.take(100, 60_000 * MS)).isZero();
        assertThat(bucket.take(1, 60_000 * MS)).isEqualTo(1 * MS);
    }

    @Test
    void sustainedRateIsTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(16_000_000, 65_536);
        long now = 0;
        for (int i = 0; i < 1000; i++) {
            now += bucket.take(64 * 1024, now);
        }
        double seconds = now / 1e9;
        double expected = (1000.0 * 64 * 1024 - 65_536) / 16_000_000;
        assertThat(seconds).isBetween(expected * 0.999, expected * 1.001);
    }

    @Test
    void rejectsNonPositiveSettings() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
