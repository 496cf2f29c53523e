package io.vodkit.client.url;

import io.vodkit.client.limits.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * How play URLs are made ({@link PlayUrlResolver}).
 *
 * @param playDomain the play domain to use ({@code VOD_PLAY_DOMAIN}): {@code host}, {@code https://host} or
 *                   {@code http://host:port}; {@code null} or blank = discover it with ListDomain
 * @param urlExpiry  how long signed URLs stay valid, within {@link Limits#URL_EXPIRY}
 */
public record PlayUrlConfig(String playDomain, Duration urlExpiry) {

    /** 60 minutes, as {@code VOD_URL_EXPIRE_MINUTES} defaults. */
    public static final Duration DEFAULT_URL_EXPIRY = Duration.ofMinutes(60);

    public PlayUrlConfig {
        playDomain = playDomain == null || playDomain.isBlank() ? null : playDomain.strip();
        Limits.URL_EXPIRY.check(Objects.requireNonNull(urlExpiry, "urlExpiry == null"));
    }

    /** A discovered domain and {@link #DEFAULT_URL_EXPIRY}. */
    public static PlayUrlConfig defaults() {
        return new PlayUrlConfig(null, DEFAULT_URL_EXPIRY);
    }
}
