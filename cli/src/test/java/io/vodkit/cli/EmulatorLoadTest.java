package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.upload.UploadConfig;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator takes 32 concurrent uploads of mixed sizes (about 160 MiB, parts of 20 MiB, up to 64 requests at
 * once) with nothing lost or corrupted, in bounded memory: it runs as {@code vodkit serve} in a JVM whose heap is
 * capped at {@value #HEAP}, far below what holding the bodies in flight would take.
 */
class EmulatorLoadTest {
    private static final int UPLOADS = 32;
    private static final long[] SIZES = {1, 4_096, 700_000, 3L << 20, 21L << 20};
    private static final String HEAP = "64m";

    @TempDir
    Path tmp;

    @Test
    void thirtyTwoConcurrentUploadsAllRoundTripByteIdenticalInASixtyFourMebibyteHeap() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            files.add(TestMedia.randomFile(tmp.resolve("f" + i + ".mp4"), SIZES[i % SIZES.length], i));
        }
        Process serve = CliProcess.start(
                tmp,
                List.of("-Xmx" + HEAP),
                Map.of(),
                "serve",
                "--port",
                "0",
                "--data",
                "data",
                "--space",
                TestEmulator.SPACE,
                "--access-key",
                TestEmulator.ACCESS_KEY,
                "--secret-key",
                TestEmulator.SECRET_KEY);
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        try {
            URI endpoint = URI.create(new ObjectMapper()
                    .readTree(CliProcess.firstLine(serve.getInputStream()))
                    .get("endpoint")
                    .asText());
            try (VodClient client = new VodClient(VodClientConfig.of(
                    endpoint, null, new Credentials(TestEmulator.ACCESS_KEY, TestEmulator.SECRET_KEY)))) {
                MediaUploader uploader = client.uploads()
                        .withConfig(UploadConfig.builder().partsInFlight(2).build());
                List<Future<UploadResult>> results = new ArrayList<>();
                for (Path file : files) {
                    results.add(pool.submit(
                            () -> uploader.upload(UploadRequest.of(file, TestEmulator.SPACE), UploadListener.NONE)));
                }
                List<String> vids = new ArrayList<>();
                for (int i = 0; i < UPLOADS; i++) {
                    UploadResult result = results.get(i).get();
                    vids.add(result.vid());
                    assertThat(TestMedia.downloadMd5(result.playUrl()))
                            .as("upload %d", i)
                            .isEqualTo(TestMedia.md5(files.get(i)));
                }
                assertThat(vids).doesNotHaveDuplicates().hasSize(UPLOADS);
                JsonNode stats = new ObjectMapper()
                        .readTree(endpoint.resolve("/_vodkit/stats").toURL());
                assertThat(stats.get("uploads_in_progress").asLong()).isZero();
                assertThat(stats.get("vids").asLong()).isEqualTo(UPLOADS);
            }
            assertThat(serve.isAlive()).as("the emulator survived the load").isTrue();
        } finally {
            pool.shutdownNow();
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }
}
