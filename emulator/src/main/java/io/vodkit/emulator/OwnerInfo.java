package io.vodkit.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the emulator that owns a data folder, as it publishes it there while it runs.
 *
 * @param endpoint  its OpenAPI endpoint ({@code http://host:port})
 * @param region    the region it signs for
 * @param accessKey the access key it accepts
 * @param secretKey the secret key that goes with it
 * @param pid       the id of the process it runs in
 * @param lifetime  whether it runs until stopped or in the background until idle
 * @param caCert    when it serves HTTPS: the CA certificate (PEM file) to trust; null over plain HTTP
 * @param console   its web console's address with the token of this run, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerInfo(
        @JsonProperty("endpoint") URI endpoint,
        @JsonProperty("region") String region,
        @JsonProperty("access_key") String accessKey,
        @JsonProperty("secret_key") String secretKey,
        @JsonProperty("pid") long pid,
        @JsonProperty("lifetime") Lifetime lifetime,
        @JsonProperty("ca_cert") Path caCert,
        @JsonProperty("console") URI console) {

    public OwnerInfo {
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(accessKey, "accessKey == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        Objects.requireNonNull(lifetime, "lifetime == null");
    }

    /** An emulator over plain HTTP. */
    public OwnerInfo(URI endpoint, String region, String accessKey, String secretKey, long pid, Lifetime lifetime) {
        this(endpoint, region, accessKey, secretKey, pid, lifetime, null, null);
    }

    /** The CA certificate to trust, when it serves HTTPS. */
    public Optional<Path> trustedCertificate() {
        return Optional.ofNullable(caCert);
    }

    /** Whether its process still runs (published information of a process that died is stale). */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** For messages: {@code pid N, http://…, long-lived|background}. */
    public String describe() {
        return "pid " + pid + ", " + endpoint + ", " + (lifetime == Lifetime.LONG_LIVED ? "long-lived" : "background");
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "OwnerInfo[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=██, pid=" + pid + ", lifetime=" + lifetime + ", caCert=" + caCert + ", console="
                + (console == null ? null : "██") + "]";
    }
}
