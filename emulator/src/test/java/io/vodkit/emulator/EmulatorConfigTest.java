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

        assertThat(config.network().host()).isEqualTo("127.0.0.1");
        assertThat(config.network().port()).isEqualTo(EmulatorConfig.STICKY_PORT);
        assertThat(config.account().region()).isEqualTo("ap-singapore-1");
        assertThat(config.account().spaces()).isEmpty();
        assertThat(config.network().uploadHosts()).isEmpty();
        assertThat(config.account().maxClockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.account().accessKey()).isNull();
        assertThat(config.account().secretKey()).isNull();
        assertThat(config.restoration().ffmpeg()).isNull();
    }

    @Test
    void nullsAndBlanksBecomeDefaults() {
        EmulatorConfig config = EmulatorConfig.builder(DIR)
                .host(" ")
                .port(0)
                .region("")
                .spaces(null)
                .uploadHosts(null)
                .build();

        assertThat(config.network().host()).isEqualTo("127.0.0.1");
        assertThat(config.account().region()).isEqualTo("ap-singapore-1");
        assertThat(config.account().spaces()).isEmpty();
        assertThat(config.network().uploadHosts()).isEmpty();
    }

    @Test
    void withersKeepOtherFields() {
        EmulatorConfig config = EmulatorConfig.builder(DIR)
                .port(0)
                .spaces(List.of("a", "b", "a"))
                .credentials("AK", "SK")
                .uploadHosts(List.of("127.0.0.1:1", "127.0.0.1:2"))
                .region("ap-southeast-1")
                .host("0.0.0.0")
                .maxClockSkew(Duration.ofMinutes(1))
                .ffmpeg(Path.of("/usr/bin/ffmpeg"))
                .build();

        assertThat(config.network().port()).isZero();
        assertThat(config.account().spaces()).containsExactly("a", "b");
        assertThat(config.account().accessKey()).isEqualTo("AK");
        assertThat(config.network().uploadHosts()).containsExactly("127.0.0.1:1", "127.0.0.1:2");
        assertThat(config.account().region()).isEqualTo("ap-southeast-1");
        assertThat(config.network().host()).isEqualTo("0.0.0.0");
        assertThat(config.account().maxClockSkew()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.restoration().ffmpeg()).isEqualTo(Path.of("/usr/bin/ffmpeg"));
        assertThat(config.dataDir()).isEqualTo(DIR);
    }

    @Test
    void toStringRedactsTheSecretKey() {
        assertThat(EmulatorConfig.builder(DIR)
                        .credentials("AKVISIBLE", "TOPSECRET")
                        .build()
                        .toString())
                .contains("AKVISIBLE")
                .doesNotContain("TOPSECRET");
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 65_536})
    void rejectsBadPorts(int port) {
        assertThatThrownBy(() -> EmulatorConfig.builder(DIR).port(port).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(port));
    }

    @Test
    void rejectsInvalidValues() {
        EmulatorConfig base = EmulatorConfig.defaults(DIR);
        assertThatThrownBy(() -> base.newBuilder().credentials("AK", null).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.newBuilder().credentials(" ", "SK").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.newBuilder().spaces(List.of("has/slash")).build())
                .hasMessageContaining("has/slash");
        assertThatThrownBy(
                        () -> base.newBuilder().uploadHosts(List.of("http://x")).build())
                .hasMessageContaining("http://x");
        assertThatThrownBy(() ->
                        base.newBuilder().maxClockSkew(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorConfig.defaults(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("dataDir == null");
    }
}
