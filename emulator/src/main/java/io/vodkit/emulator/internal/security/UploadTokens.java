package io.vodkit.emulator.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * Mints and verifies the opaque gateway tokens handed out as {@code StoreInfos[].Auth}:
 * {@code SpaceKey/<space>/1/:version:v2:<base64url(claims JSON)>.<base64url(HMAC-SHA256)>}, the HMAC keyed with a
 * per-emulator secret and covering everything before the dot. Verifying needs no database lookup.
 */
public final class UploadTokens {
    private static final String VERSION_MARK = "/1/:version:v2:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    public UploadTokens(byte[] secret, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret length < 16: " + secret.length);
        }
        this.secret = secret.clone();
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public String mint(UploadTokenClaims claims) {
        String signed = "SpaceKey/" + claims.spaceName() + VERSION_MARK + ENCODER.encodeToString(Json.bytes(claims));
        return signed + "." + ENCODER.encodeToString(Hashes.hmacSha256(secret, signed));
    }

    /**
     * Checks that {@code authorization} is an unexpired token minted here for exactly {@code storeUri}.
     *
     * @throws io.vodkit.emulator.internal.api.GatewayException MISSING_AUTHORIZATION or INVALID_AUTHORIZATION
     */
    public UploadTokenClaims verify(String authorization, String storeUri) {
        if (authorization == null || authorization.isBlank()) {
            throw GatewayError.MISSING_AUTHORIZATION.exception();
        }
        String token = authorization.trim();
        int dot = token.lastIndexOf('.');
        int mark = token.indexOf(VERSION_MARK);
        if (!token.startsWith("SpaceKey/") || dot < 0 || mark < 0 || mark > dot) {
            throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "malformed token");
        }
        String signed = token.substring(0, dot);
        String expectedMac = ENCODER.encodeToString(Hashes.hmacSha256(secret, signed));
        if (!Hashes.constantTimeEquals(expectedMac, token.substring(dot + 1))) {
            throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "token signature mismatch");
        }
        UploadTokenClaims claims = decode(signed.substring(mark + VERSION_MARK.length()), storeUri);
        if (!claims.storeUri().equals(storeUri)) {
            throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "token was issued for " + claims.storeUri());
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "token expired at " + claims.expiresAt());
        }
        return claims;
    }

    private static UploadTokenClaims decode(String payload, String storeUri) {
        try {
            String json = new String(DECODER.decode(payload), StandardCharsets.UTF_8);
            UploadTokenClaims claims = Json.convert(Json.parse(json), UploadTokenClaims.class);
            if (claims.storeUri() == null || claims.spaceName() == null) {
                throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "incomplete token");
            }
            return claims;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw GatewayError.INVALID_AUTHORIZATION.exception(storeUri, "malformed token payload");
        }
    }
}
