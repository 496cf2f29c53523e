package io.vodkit.emulator.internal.service;

import java.time.Instant;
import java.util.Optional;

/** Where clients reach this emulator (its upload host and play domain), and over which scheme (http by default). */
@FunctionalInterface
public interface PublicAddress {
    /** {@code host:port}. */
    String hostPort();

    /** When it serves HTTPS: the expiry of its server certificate; empty over plain HTTP. */
    default Optional<Instant> certificateExpiry() {
        return Optional.empty();
    }

    default boolean https() {
        return certificateExpiry().isPresent();
    }

    /** {@code https} or {@code http}: the scheme of every URL the emulator hands out. */
    default String scheme() {
        return https() ? "https" : "http";
    }
}
