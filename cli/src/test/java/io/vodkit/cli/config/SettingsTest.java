package io.vodkit.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.pollMax()).isEqualTo(360);
        assertThat(settings.urlExpiry()).isEqualTo(Duration.ofMinutes(60));
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

        Settings settings = Settings.resolve(flags,
                Map.of("VOD_SPACE_NAME", "env_space", "VOD_ENDPOINT", "127.0.0.1:9000/"), dir);

        assertThat(settings.accessKey()).contains("ak-from-file");
        assertThat(settings.secretKey()).contains("sk from file");
        assertThat(settings.region()).isEqualTo("flag-region");
        assertThat(settings.spaceName()).contains("env_space");
        assertThat(settings.endpoint()).contains(URI.create("https://127.0.0.1:9000"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void dotEnvValuesAreTakenLiterallyNothingIsExpandedOrRun() throws Exception {
        Files.writeString(dir.resolve(".env"), "BYTEPLUS_ACCESSKEY=$(touch pwned)\n"
                + "BYTEPLUS_SECRETKEY=`touch pwned`\nVOD_SPACE_NAME=${HOME}\nVOD_PLAY_DOMAIN=\"a\\nb\"\n");

        Settings settings = Settings.resolve(Map.of(), Map.of(), dir);

        assertThat(settings.accessKey()).contains("$(touch pwned)");
        assertThat(settings.secretKey()).contains("`touch pwned`");
        assertThat(settings.spaceName()).contains("${HOME}");
        assertThat(settings.playDomain()).contains("a\\nb");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void dotEnvValuesDoNotOverrideTheEnvironment() throws Exception {
        Files.writeString(dir.resolve(".env"), "VOD_SPACE_NAME=from_file\n");

        assertThat(Settings.resolve(Map.of(), Map.of("VOD_SPACE_NAME", "from_env"), dir).spaceName())
                .contains("from_env");
    }
}
