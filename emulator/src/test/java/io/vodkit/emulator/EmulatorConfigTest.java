package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorConfigTest {
    private static final Path DIR = Path.of("data");

    @Test
    void defaultsAreFilledIn() {
        EmulatorConfig config = EmulatorConfig.defaults(DIR);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(EmulatorConfig.STICKY_PORT);
        assertThat(config.region()).isEqualTo("ap-singapore-1");
        assertThat(config.spaces()).isEmpty();
        assertThat(config.uploadHosts()).isEmpty();
        assertThat(config.maxClockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.accessKey()).isNull();
        assertThat(config.secretKey()).isNull();
        assertThat(config.ffmpeg()).isNull();
    }

    @Test
    void nullsAndBlanksBecomeDefaults() {
        EmulatorConfig config = new EmulatorConfig(" ", 0, DIR, null, null, null, "", null, null, null, false);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.region()).isEqualTo("ap-singapore-1");
        assertThat(config.spaces()).isEmpty();
        assertThat(config.uploadHosts()).isEmpty();
    }

    @Test
    void withersKeepOtherFields() {
        EmulatorConfig config = EmulatorConfig.defaults(DIR).withPort(0).withSpaces(List.of("a", "b", "a"))
                .withCredentials("AK", "SK").withUploadHosts(List.of("127.0.0.1:1", "127.0.0.1:2"))
                .withRegion("ap-southeast-1").withHost("0.0.0.0").withMaxClockSkew(Duration.ofMinutes(1))
                .withFfmpeg(Path.of("/usr/bin/ffmpeg"));

        assertThat(config.port()).isZero();
        assertThat(config.spaces()).containsExactly("a", "b");
        assertThat(config.accessKey()).isEqualTo("AK");
        assertThat(config.uploadHosts()).containsExactly("127.0.0.1:1", "127.0.0.1:2");
        assertThat(config.region()).isEqualTo("ap-southeast-1");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.maxClockSkew()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.ffmpeg()).isEqualTo(Path.of("/usr/bin/ffmpeg"));
        assertThat(config.dataDir()).isEqualTo(DIR);
    }

    @Test
    void toStringRedactsTheSecretKey() {
        assertThat(EmulatorConfig.defaults(DIR).withCredentials("AKVISIBLE", "TOPSECRET").toString())
                .contains("AKVISIBLE").doesNotContain("TOPSECRET");
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 65_536})
    void rejectsBadPorts(int port) {
        assertThatThrownBy(() -> EmulatorConfig.defaults(DIR).withPort(port))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(port));
    }

    @Test
    void rejectsInvalidValues() {
        EmulatorConfig base = EmulatorConfig.defaults(DIR);
        assertThatThrownBy(() -> base.withCredentials("AK", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withCredentials(" ", "SK")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withSpaces(List.of("has/slash"))).hasMessageContaining("has/slash");
        assertThatThrownBy(() -> base.withUploadHosts(List.of("http://x"))).hasMessageContaining("http://x");
        assertThatThrownBy(() -> base.withMaxClockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorConfig.defaults(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dataDir == null");
    }
}
