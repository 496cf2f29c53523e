package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Local files whose names have spaces, non-ASCII letters or shell characters upload and play like any other. */
class UnusualFileNamesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"my holiday clip.mp4", "vidéo été 夏天.mov", "it's (final) & done #2.mp4", "UPPER.MP4"})
    void uploadsAndDownloadsByteIdentical(String name) throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve(name), 200_000, name.hashCode());
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp.resolve("home")), tmp, "upload", name);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("SourceUrl").asText()).isEqualTo(file.toString());
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
        }
    }
}
