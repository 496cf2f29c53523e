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
    void everyConcernIsReachedThroughItsGeneratedBuilderAndCopiedByNewBuilder() {
        EmulatorConfig config = EmulatorConfig.builder(DIR)
                .network(n -> n.port(0).tls(true))
                .account(a -> a.accessKey("AK").secretKey("SK").spaces(List.of("s")))
                .storage(s -> s.uploadGracePeriod(Duration.ofMinutes(5)))
                .restoration(r -> r.allowPro(true))
                .urlPull(p -> p.workers(1).maxRedirects(0))
                .lab(l -> l.linkLatency(Duration.ofMillis(5)).linkRateBytesPerSecond(1000))
                .build();

        EmulatorConfig copy = config.newBuilder().build();

        assertThat(config.network()).isEqualTo(new EmulatorConfig.Network(null, 0, true, null));
        assertThat(config.urlPull())
                .isEqualTo(UrlPullConfig.DEFAULTS.withWorkers(1).withMaxRedirects(0));
        assertThat(copy.network()).isEqualTo(config.network());
        assertThat(copy.account()).isEqualTo(config.account());
        assertThat(copy.storage()).isEqualTo(config.storage());
        assertThat(copy.restoration()).isEqualTo(config.restoration());
        assertThat(copy.urlPull()).isEqualTo(config.urlPull());
        assertThat(copy.lab()).isEqualTo(config.lab());
        assertThat(copy.newBuilder().port(7).build().network().withPort(0)).isEqualTo(config.network());
    }

    @Test
    void rangeChecksRunWhenBuiltThroughTheConcernBuilders() {
        assertThatThrownBy(() ->
                        EmulatorConfig.builder(DIR).network(n -> n.port(-2)).build())
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> EmulatorConfig.builder(DIR)
                        .storage(s -> s.uploadGracePeriod(Duration.ZERO))
                        .build())
                .hasMessageContaining("uploadGracePeriod");
        assertThatThrownBy(() ->
                        EmulatorConfig.builder(DIR).urlPull(p -> p.workers(0)).build())
                .hasMessageContaining("workers");
        assertThatThrownBy(() -> EmulatorConfig.builder(DIR)
                        .lab(l -> l.linkRateBytesPerSecond(-1))
                        .build())
                .hasMessageContaining("linkRateBytesPerSecond");
    }

    @Test
    void accountToStringListsEverySettingButTheSecret() {
        assertThat(EmulatorConfig.builder(DIR)
                        .credentials("AK", "TOPSECRET")
                        .region("ap-southeast-1")
                        .build()
                        .account()
                        .toString())
                .isEqualTo("Account[accessKey=AK, secretKey=██, region=ap-southeast-1, spaces=[], maxClockSkew=PT15M]");
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
