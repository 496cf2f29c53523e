package io.vodkit.client;

import java.util.Objects;

/**
 * A BytePlus access key pair. {@link #toString()} never prints the secret key.
 *
 * @param accessKey the access key id (AK), sent in every {@code Authorization} header
 * @param secretKey the secret access key (SK), used only to derive signing keys
 */
public record Credentials(String accessKey, String secretKey) {

    public Credentials {
        Objects.requireNonNull(accessKey, "accessKey == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        if (accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey is blank");
        }
        if (secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey is blank");
        }
    }

    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + ", secretKey=██]";
    }
}
