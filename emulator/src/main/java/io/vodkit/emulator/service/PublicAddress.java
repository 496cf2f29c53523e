package io.vodkit.emulator.service;

/** The {@code host:port} clients reach this emulator at (its upload host and play domain). */
@FunctionalInterface
public interface PublicAddress {
    String hostPort();
}
