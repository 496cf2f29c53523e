package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code vodkit play-url} against a real emulator: the URLs download the uploaded bytes. */
class PlayUrlEndToEndTest {
    private static final Pattern AUTH_TIMESTAMP = Pattern.compile("auth_key=(\\d+)-");

    @TempDir
    Path tmp;

    private JsonNode playUrl(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "play-url";
        System.arraycopy(args, 0, all, 1, args.length);
        CliResult result = CliRun.run(env, tmp, all);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.single();
    }

    @Test
    void aVidAndAStoredFileEachGetAUrlThatDownloadsTheBytes() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 500_000, 31);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            JsonNode uploaded = CliRun.run(env, tmp, "upload", file.toString()).single();
            String vid = uploaded.get("Vid").asText();
            String fileName = uploaded.get("FileName").asText();

            JsonNode byVid = playUrl(env, "vid://" + vid);
            JsonNode bare = playUrl(env, vid, TestEmulator.SPACE);
            JsonNode byFile = playUrl(env, "directurl://" + fileName);

            assertThat(byVid.get("Vid").asText()).isEqualTo(vid);
            assertThat(byVid.get("Source").asText()).isEqualTo("vid://" + vid);
            assertThat(bare.get("Source").asText()).isEqualTo("vid://" + vid);
            assertThat(byFile.get("FileName").asText()).isEqualTo(fileName);
            assertThat(byFile.get("Source").asText()).isEqualTo("directurl://" + fileName);
            assertThat(byFile.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            for (JsonNode line : new JsonNode[] {byVid, bare, byFile}) {
                assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
            }
        }
    }

    @Test
    void aStoredFilesUrlHonoursThePlayDomainAndTheExpiry() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 100_000, 32);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            String fileName = CliRun.run(env, tmp, "upload", file.toString())
                    .single()
                    .get("FileName")
                    .asText();
            env.put("VOD_PLAY_DOMAIN", vod.endpoint().toString());

            env.put("VOD_URL_EXPIRE_MINUTES", "60");
            String hour = playUrl(env, "directurl://" + fileName).get("PlayURL").asText();
            env.put("VOD_URL_EXPIRE_MINUTES", "180");
            String threeHours =
                    playUrl(env, "directurl://" + fileName).get("PlayURL").asText();

            assertThat(hour).startsWith(vod.endpoint() + "/");
            assertThat(timestamp(threeHours) - timestamp(hour)).isBetween(7_200L, 7_260L);
            assertThat(TestMedia.downloadMd5(threeHours)).isEqualTo(TestMedia.md5(file));
        }
    }

    private static long timestamp(String url) {
        Matcher matcher = AUTH_TIMESTAMP.matcher(url);
        assertThat(matcher.find()).as(url).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void anUnknownVidIsAClearFailure() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp.resolve("home")), tmp, "play-url", "vid://v0nothere");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText())
                    .contains("v0nothere")
                    .contains("does not exist");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/a.mp4 | 'https://example.com/a.mp4' is not a Vid; give a Vid, vid://VID or directurl://",
                "vid://                    | no media named: give a Vid, vid://VID or directurl://FILENAME",
                "directurl://              | no media named: give a Vid, vid://VID or directurl://FILENAME",
                "clips/a.mp4               | 'clips/a.mp4' is not a Vid",
            })
    void aBadArgumentIsInvalidInputAndSendsNothing(String argument, String error) throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp.resolve("home")), tmp, "play-url", argument);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(result.single().get("error").asText()).startsWith(error);
            assertThat(vod.stats().get("requests").asLong()).isZero();
        }
    }

    @Test
    void aMissingArgumentIsInvalidInput() {
        CliResult result = CliRun.run(Map.of("VODKIT_HOME", tmp.toString()), tmp, "play-url");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).contains("VID|vid://VID|directurl://FILENAME");
    }
}
