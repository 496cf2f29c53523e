package io.vodkit.emulator.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.GatewayException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UploadTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String URI = "tos-vod-local-demo/clips/a.mp4";

    private static UploadTokens at(Instant now) {
        return new UploadTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String mint() {
        return at(NOW).mint(
                        new UploadTokenClaims("demo", URI, NOW.plusSeconds(3600).getEpochSecond()));
    }

    @Test
    void mintedTokenVerifiesForItsStoreUri() {
        String token = mint();

        assertThat(token).startsWith("SpaceKey/demo/1/:version:v2:");
        UploadTokenClaims claims = at(NOW.plusSeconds(3599)).verify(token, URI);
        assertThat(claims.spaceName()).isEqualTo("demo");
        assertThat(claims.storeUri()).isEqualTo(URI);
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(
                () -> at(NOW.plusSeconds(3600)).verify(mint(), URI), GatewayError.INVALID_AUTHORIZATION, "expired");
    }

    @Test
    void tokenForAnotherStoreUriIsRefused() {
        assertRefused(
                () -> at(NOW).verify(mint(), "tos-vod-local-demo/other.mp4"),
                GatewayError.INVALID_AUTHORIZATION,
                "issued for");
    }

    @Test
    void tamperedPayloadIsRefused() {
        String token = mint();
        int mark = token.indexOf(":v2:") + 4;
        String tampered =
                token.substring(0, mark) + (token.charAt(mark) == 'e' ? 'f' : 'e') + token.substring(mark + 1);

        assertRefused(() -> at(NOW).verify(tampered, URI), GatewayError.INVALID_AUTHORIZATION, "signature");
    }

    @Test
    void tokenFromAnotherSecretIsRefused() {
        UploadTokens other = new UploadTokens(
                "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        String foreign = other.mint(
                new UploadTokenClaims("demo", URI, NOW.plusSeconds(60).getEpochSecond()));

        assertRefused(() -> at(NOW).verify(foreign, URI), GatewayError.INVALID_AUTHORIZATION, "signature");
    }

    @Test
    void missingAndMalformedTokensAreRefused() {
        assertRefused(() -> at(NOW).verify(null, URI), GatewayError.MISSING_AUTHORIZATION, "no Authorization");
        assertRefused(
                () -> at(NOW).verify("SpaceKey/demo/1/:v1:secret", URI),
                GatewayError.INVALID_AUTHORIZATION,
                "malformed");
    }

    private static void assertRefused(Runnable call, GatewayError error, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
