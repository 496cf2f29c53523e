package io.vodkit.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodServiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MediaPresence#askGetPlayInfo} against a real emulator: what counts as gone, and what fails. */
class MediaPresenceTest {
    @TempDir
    Path tmp;

    private static VodClient client(TestEmulator vod, String secretKey) {
        return new VodClient(
                VodClientConfig.of(vod.endpoint(), null, new Credentials(TestEmulator.ACCESS_KEY, secretKey)));
    }

    @Test
    void unpublishedAndPublishedMediaExistAnUnknownVidDoesNotAndAnyOtherErrorFails() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                VodClient client = client(vod, TestEmulator.SECRET_KEY);
                VodClient wrongSecret = client(vod, "not-the-secret")) {
            CliResult upload = CliRun.run(
                    vod.env(tmp.resolve("home")),
                    tmp,
                    "upload",
                    TestMedia.randomFile(tmp.resolve("a.mp4"), 1024, 1).toString());
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            String vid = upload.single().get("Vid").asText();
            MediaPresence presence = MediaPresence.askGetPlayInfo(client.media());

            assertThat(presence.exists(vid)).as("unpublished").isTrue();
            client.media().publish(vid, true);
            assertThat(presence.exists(vid)).as("published").isTrue();
            assertThat(presence.exists("v0unknown")).isFalse();
            assertThatThrownBy(() ->
                            MediaPresence.askGetPlayInfo(wrongSecret.media()).exists(vid))
                    .isInstanceOf(VodServiceException.class)
                    .hasMessageContaining("SignatureDoesNotMatch");
        }
    }
}
