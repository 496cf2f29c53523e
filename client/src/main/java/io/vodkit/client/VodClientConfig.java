package io.vodkit.client;

import io.vodkit.client.limits.Limits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link VodClient} needs, resolved once. A {@code null} component takes its default:
 *
 * <ul>
 *   <li>{@code endpoint}: {@value #DEFAULT_ENDPOINT} (the OpenAPI endpoint; its scheme is also the scheme of the
 *       storage upload hosts, so {@code http://127.0.0.1:PORT} talks plain HTTP to an emulator everywhere)
 *   <li>{@code region}: {@value #DEFAULT_REGION} (the region in the credential scope)
 *   <li>{@code connectTimeout}: 10 s
 *   <li>{@code requestTimeout}: 60 s, within {@link Limits#REQUEST_TIMEOUT} (the wait for a reply, per OpenAPI call; storage PUTs add time for their body
 *       size), and the longest silence (no byte sent or received) of any request; a request that overruns either
 *       fails with a retryable {@link io.vodkit.client.http.TransportException}
 *   <li>{@code clock}: {@link Clock#systemUTC()} (used for {@code X-Date} and URL signing)
 *   <li>{@code trustedCertificates}: none, the JDK's trusted roots only; else a PEM file of certificates trusted as
 *       well over https (e.g. the CA of an emulator served with {@code vodkit serve --tls})
 * </ul>
 *
 * {@code credentials} is required. The endpoint and region must be within {@link Limits#ENDPOINT} and
 * {@link Limits#REGION}.
 */
public record VodClientConfig(
        URI endpoint,
        String region,
        Credentials credentials,
        Duration connectTimeout,
        Duration requestTimeout,
        Clock clock,
        Path trustedCertificates) {

    public static final String DEFAULT_ENDPOINT = "https://vod.byteplusapi.com";
    public static final String DEFAULT_REGION = "ap-singapore-1";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public VodClientConfig {
        endpoint = checkEndpoint(endpoint == null ? URI.create(DEFAULT_ENDPOINT) : endpoint);
        region = Limits.REGION.check(region == null ? DEFAULT_REGION : region);
        Objects.requireNonNull(credentials, "credentials == null");
        connectTimeout =
                checkDuration("connectTimeout", connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout);
        requestTimeout =
                Limits.REQUEST_TIMEOUT.check(requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A config that trusts the JDK's roots only. */
    public VodClientConfig(
            URI endpoint,
            String region,
            Credentials credentials,
            Duration connectTimeout,
            Duration requestTimeout,
            Clock clock) {
        this(endpoint, region, credentials, connectTimeout, requestTimeout, clock, null);
    }

    /** The same config, trusting the certificates in {@code pem} as well (null: the JDK's roots only). */
    public VodClientConfig withTrustedCertificates(Path pem) {
        return new VodClientConfig(endpoint, region, credentials, connectTimeout, requestTimeout, clock, pem);
    }

    /** A config with default timeouts and the system UTC clock; {@code null} endpoint or region take defaults. */
    public static VodClientConfig of(URI endpoint, String region, Credentials credentials) {
        return new VodClientConfig(endpoint, region, credentials, null, null, null);
    }

    private static URI checkEndpoint(URI endpoint) {
        return Limits.ENDPOINT.check(endpoint);
    }

    private static Duration checkDuration(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " <= 0: " + value);
        }
        return value;
    }
}
