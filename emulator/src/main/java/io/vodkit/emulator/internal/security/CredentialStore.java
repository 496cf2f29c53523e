package io.vodkit.emulator.internal.security;

import java.util.Map;
import java.util.Optional;

/** The access keys this emulator accepts and their secret keys. */
public final class CredentialStore {
    private final Map<String, String> secretsByAccessKey;

    public CredentialStore(Map<String, String> secretsByAccessKey) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
    }

    public Optional<String> secretKeyFor(String accessKey) {
        return Optional.ofNullable(secretsByAccessKey.get(accessKey));
    }

    @Override
    public String toString() {
        return "CredentialStore" + secretsByAccessKey.keySet();
    }
}
