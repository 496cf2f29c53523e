package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit serve} restarted while an upload goes through it (generated keys, its usual port): the new run has
 * the same keys and knows the upload, so the upload command carries on with the parts still missing and commits.
 */
class ServeRestartEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    @Timeout(240)
    void anUploadInFlightCompletesAcrossARestartOfServe() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("long.mp4"), 45 * MIB, 61);
        String[] serveArgs = {"serve", "--link-rate", String.valueOf(8 * MIB)};
        Process serve = CliProcess.start(tmp, Map.of(), serveArgs);
        Process restarted = null;
        Process upload = null;
        try {
            JsonNode ready = JSON.readTree(CliProcess.firstLine(serve.getInputStream()));
            String endpoint = ready.get("endpoint").asText();
            upload = CliProcess.start(tmp, Map.of(), "upload", file.toString(), "--concurrency", "1");
            CompletableFuture<String> out = read(upload, true);
            CompletableFuture<String> err = read(upload, false);
            await().alias("part 1 stored")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> stats(endpoint).get("bytes_received").asLong(), received -> received >= 25 * MIB);

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            restarted = CliProcess.start(tmp, Map.of(), serveArgs);
            JsonNode again = JSON.readTree(CliProcess.firstLine(restarted.getInputStream()));
            assertThat(again.get("endpoint").asText()).as("its usual port").isEqualTo(endpoint);
            assertThat(again.get("access_key").asText())
                    .isEqualTo(ready.get("access_key").asText());
            assertThat(again.get("secret_key").asText())
                    .isEqualTo(ready.get("secret_key").asText());

            assertThat(upload.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(upload.exitValue()).as(err.get()).isZero();
            JsonNode result = JSON.readTree(out.get());
            assertThat(TestMedia.downloadMd5(result.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
            assertThat(stats(endpoint).get("bytes_received").asLong())
                    .as("part 1 was not sent again")
                    .isLessThan(30 * MIB);
            assertThat(stats(endpoint).get("vids").asLong()).isEqualTo(1);
        } finally {
            for (Process process : new Process[] {upload, serve, restarted}) {
                if (process != null) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static JsonNode stats(String endpoint) throws Exception {
        return JSON.readTree(URI.create(endpoint + "/_vodkit/stats").toURL());
    }

    private static CompletableFuture<String> read(Process process, boolean stdout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(
                        (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
