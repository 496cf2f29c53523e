package io.vodkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VodClientConfigTest {

    private static final Credentials KEYS = new Credentials("AKLTEXAMPLE", "very-secret-key");

    @Test
    void nullsTakeTheDocumentedDefaults() {
        VodClientConfig config = VodClientConfig.of(null, null, KEYS);

        assertThat(config.endpoint()).isEqualTo(URI.create("https://vod.byteplusapi.com"));
        assertThat(config.region()).isEqualTo("ap-singapore-1");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void toStringNeverShowsTheSecretKey() {
        assertThat(KEYS.toString()).contains("AKLTEXAMPLE").doesNotContain("very-secret-key");
        assertThat(VodClientConfig.of(null, null, KEYS).toString()).doesNotContain("very-secret-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "http:///", "https://host/path", "https://host/?a=b", "host"})
    void badEndpointsAreRefused(String endpoint) {
        assertThatThrownBy(() -> VodClientConfig.of(URI.create(endpoint), null, KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void emulatorEndpointIsAccepted() {
        assertThat(VodClientConfig.of(URI.create("http://127.0.0.1:18765/"), "ap-southeast-1", KEYS)
                        .endpoint())
                .hasPort(18765);
    }

    @Test
    void nonPositiveTimeoutsAndMissingCredentialsAreRefused() {
        assertThatThrownBy(() -> new VodClientConfig(null, null, KEYS, Duration.ZERO, null, null))
                .hasMessage("connectTimeout <= 0: PT0S");
        assertThatThrownBy(() -> new VodClientConfig(null, null, KEYS, null, Duration.ofSeconds(-1), null))
                .hasMessage("requestTimeout must be 0.1 to 3600 seconds, got -1 seconds");
        assertThatThrownBy(() -> VodClientConfig.of(null, null, null)).hasMessage("credentials == null");
        assertThatThrownBy(() -> new Credentials("AK", " ")).hasMessage("secretKey is blank");
    }
}
