package io.vodkit.emulator.internal.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** What a gateway upload token ({@code StoreInfos[].Auth}) grants: writes to one StoreUri of one space until expiry. */
public record UploadTokenClaims(
        @JsonProperty("space") String spaceName,
        @JsonProperty("uri") String storeUri,
        @JsonProperty("exp") long expiresAtEpochSecond) {

    public Instant expiresAt() {
        return Instant.ofEpochSecond(expiresAtEpochSecond);
    }
}
