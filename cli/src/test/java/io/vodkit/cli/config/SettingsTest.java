package io.vodkit.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.CliException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Settings settings = Settings.resolve(Map.of(), Map.of("HOME", "/home/u"), dir);

        assertThat(settings.hasCredentials()).isFalse();
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEqualTo("ap-singapore-1");
        assertThat(settings.poll().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.poll().maxAttempts()).isEqualTo(360);
        assertThat(settings.playUrls().urlExpiry()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.localDataDir()).isEqualTo(Path.of("/home/u/.vodkit/local"));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsDotEnv() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                # credentials for the demo
                export BYTEPLUS_ACCESSKEY=ak-from-file
                BYTEPLUS_SECRETKEY="sk from file"
                VOD_REGION='ap-southeast-1'
                VOD_SPACE_NAME=file_space # trailing comment
                VOD_POLL_INTERVAL=0.5
                """);
        Map<String, String> flags = new HashMap<>();
        flags.put("VOD_REGION", "flag-region");
        flags.put("VOD_ENDPOINT", null);

        Settings settings =
                Settings.resolve(flags, Map.of("VOD_SPACE_NAME", "env_space", "VOD_ENDPOINT", "127.0.0.1:9000/"), dir);

        assertThat(settings.accessKey()).contains("ak-from-file");
        assertThat(settings.secretKey()).contains("sk from file");
        assertThat(settings.region()).isEqualTo("flag-region");
        assertThat(settings.spaceName()).contains("env_space");
        assertThat(settings.endpoint()).contains(URI.create("https://127.0.0.1:9000"));
        assertThat(settings.poll().interval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void dotEnvValuesAreTakenLiterallyNothingIsExpandedOrRun() throws Exception {
        Files.writeString(
                dir.resolve(".env"),
                "BYTEPLUS_ACCESSKEY=$(touch pwned)\n"
                        + "BYTEPLUS_SECRETKEY=`touch pwned`\nVOD_SPACE_NAME=${HOME}\nVOD_PLAY_DOMAIN=\"a\\nb\"\n");

        Settings settings = Settings.resolve(Map.of(), Map.of(), dir);

        assertThat(settings.accessKey()).contains("$(touch pwned)");
        assertThat(settings.secretKey()).contains("`touch pwned`");
        assertThat(settings.spaceName()).contains("${HOME}");
        assertThat(settings.playUrls().playDomain()).isEqualTo("a\\nb");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void dotEnvValuesDoNotOverrideTheEnvironment() throws Exception {
        Files.writeString(dir.resolve(".env"), "VOD_SPACE_NAME=from_file\n");

        assertThat(Settings.resolve(Map.of(), Map.of("VOD_SPACE_NAME", "from_env"), dir)
                        .spaceName())
                .contains("from_env");
    }

    @Test
    void theLegacyVolcengineKeysAreUsedAfterTheByteplusOnes() {
        Settings legacy = Settings.resolve(
                Map.of(), Map.of("VOLCENGINE_ACCESS_KEY", "ak-v", "VOLCENGINE_SECRET_KEY", "sk-v"), dir);
        assertThat(legacy.accessKey()).contains("ak-v");
        assertThat(legacy.secretKey()).contains("sk-v");

        Settings both = Settings.resolve(
                Map.of(),
                Map.of(
                        "VOLCENGINE_ACCESS_KEY",
                        "ak-v",
                        "VOLCENGINE_SECRET_KEY",
                        "sk-v",
                        "BYTEPLUS_ACCESSKEY",
                        "ak-b",
                        "BYTEPLUS_SECRETKEY",
                        "sk-b"),
                dir);
        assertThat(both.accessKey()).contains("ak-b");
        assertThat(both.secretKey()).contains("sk-b");
    }

    @Test
    void oneKeyOfAPairWithoutTheOtherIsInvalidInputNamingTheMissingOne() {
        assertThatThrownBy(() -> Settings.resolve(
                        Map.of(),
                        Map.of(
                                "BYTEPLUS_SECRETKEY",
                                "sk",
                                "VOLCENGINE_ACCESS_KEY",
                                "ak-v",
                                "VOLCENGINE_SECRET_KEY",
                                "sk-v"),
                        dir))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage())
                            .startsWith("incomplete credentials: BYTEPLUS_ACCESSKEY is missing")
                            .doesNotContain("sk");
                });
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("VOLCENGINE_ACCESS_KEY", "ak-v"), dir))
                .hasMessageStartingWith("incomplete credentials: VOLCENGINE_SECRET_KEY is missing");
    }

    @Test
    void vodHostIsAnHttpsHostAndVodEndpointWins() {
        assertThat(Settings.resolve(Map.of(), Map.of("VOD_HOST", "vod.example.com:8443"), dir)
                        .endpoint())
                .contains(URI.create("https://vod.example.com:8443"));
        assertThat(Settings.resolve(
                                Map.of(),
                                Map.of("VOD_HOST", "vod.example.com", "VOD_ENDPOINT", "http://127.0.0.1:9000"),
                                dir)
                        .endpoint())
                .contains(URI.create("http://127.0.0.1:9000"));
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("VOD_HOST", "https://vod.example.com/x"), dir))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("VOD_HOST must be host[:port]");
    }

    @Test
    void theIdleTimeOfTheBackgroundEmulatorIsThirtyMinutesOrVodkitIdleMinutes() {
        assertThat(Settings.resolve(Map.of(), Map.of(), dir).idleTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Settings.resolve(Map.of(), Map.of("VODKIT_IDLE_MINUTES", "0.05"), dir)
                        .idleTime())
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("VODKIT_IDLE_MINUTES", "0"), dir))
                .hasMessage("VODKIT_IDLE_MINUTES must be a positive number, got '0'");
    }
}
