package io.vodkit.emulator;

import io.soabase.recordbuilder.core.RecordBuilder;
import io.vodkit.emulator.internal.pull.SourceGuard;
import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator fetches UploadMediaByUrl sources. Its builder and withers ({@code withWorkers(1)}) are generated.
 *
 * @param connectTimeout   longest wait for a TCP connection (default 10 s)
 * @param readTimeout      longest silence of a source: in the TLS handshake, before the response headers and between
 *                         two body reads (default 30 s)
 * @param maxBytes         largest accepted source (default 10 GiB)
 * @param maxRedirects     redirects followed at most (default 5; http and https only)
 * @param workers          fetches running at once (default 2); further jobs wait in the database as {@code initial}
 * @param maxInterruptions fetches cut short by a stop before a job is marked failed (default 3)
 * @param allowPrivateSources pull from loopback and private addresses even when the emulator is bound beyond
 *                         loopback (default false; see {@link SourceGuard})
 * @param resolver         looks up source hosts (default {@link HostResolver#SYSTEM}); a pull connects only to the
 *                         addresses of its one lookup that {@link SourceGuard} checked
 */
@RecordBuilder
public record UrlPullConfig(
        Duration connectTimeout,
        Duration readTimeout,
        long maxBytes,
        int maxRedirects,
        int workers,
        int maxInterruptions,
        boolean allowPrivateSources,
        HostResolver resolver)
        implements UrlPullConfigBuilder.With {

    public static final UrlPullConfig DEFAULTS = new UrlPullConfig(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            10L * 1024 * 1024 * 1024,
            5,
            2,
            3,
            false,
            HostResolver.SYSTEM);

    public UrlPullConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
        Objects.requireNonNull(resolver, "resolver == null");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be > 0: " + connectTimeout + ", " + readTimeout);
        }
        if (maxBytes < 1 || maxRedirects < 0 || workers < 1 || maxInterruptions < 1) {
            throw new IllegalArgumentException("maxBytes, workers and maxInterruptions must be >= 1 and maxRedirects"
                    + " >= 0: " + maxBytes + ", " + workers + ", " + maxInterruptions + ", " + maxRedirects);
        }
    }
}
