package io.vodkit.client.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
public final class RetryAfter {

    private RetryAfter() {}

    /** The wait the header asks for; empty when absent or unreadable, never negative. */
    public static Optional<Duration> parse(Optional<String> header, Clock clock) {
        return header.map(String::trim).filter(value -> !value.isEmpty()).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }
}
