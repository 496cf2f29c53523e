package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.internal.upload.FileRegion;
import io.vodkit.client.internal.upload.StorageGateway;
import io.vodkit.client.internal.upload.StorageTarget;
import io.vodkit.client.internal.upload.TransferControl;
import io.vodkit.client.upload.StorageException;
import io.vodkit.client.upload.UploadConfig;
import io.vodkit.client.upload.UploadProgress;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parts and direct uploads to a plain-http storage host go over a socket with sendfile ({@code FilePut}): against
 * the real emulator the bytes arrive whole in parts and in one PUT, progress adds up to the file, and a refusal from
 * the emulator's storage comes back as the same {@link StorageException} the JDK client path gives.
 */
class UploadOverSendfileEndToEndTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void multipartAndDirectUploadsArriveByteIdenticalWithProgressAddingUp() throws Exception {
        Path large = TestMedia.randomFile(tmp.resolve("large.mp4"), 3 * MIB + 12_345, 17);
        Path small = TestMedia.randomFile(tmp.resolve("small.mp4"), 200_000, 18);
        UploadConfig config = UploadConfig.builder()
                .minimumPartSize(MIB)
                .partSize(MIB)
                .multipartThreshold(MIB)
                .partsInFlight(2)
                .build();
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                VodClient client = new VodClient(VodClientConfig.of(
                        vod.endpoint(), null, new Credentials(TestEmulator.ACCESS_KEY, TestEmulator.SECRET_KEY)))) {
            for (Path file : List.of(large, small)) {
                ConcurrentLinkedQueue<UploadProgress> progress = new ConcurrentLinkedQueue<>();
                UploadResult result = client.uploads()
                        .withConfig(config)
                        .upload(UploadRequest.of(file, TestEmulator.SPACE), progress::add);

                assertThat(TestMedia.downloadMd5(result.playUrl()))
                        .as(file.toString())
                        .isEqualTo(TestMedia.md5(file));
                assertThat(progress.stream()
                                .mapToLong(UploadProgress::bytesSent)
                                .max())
                        .as("progress of %s", file)
                        .hasValue(java.nio.file.Files.size(file));
            }
            assertThat(vod.stats().toString()).contains("\"vids\":2");
        }
    }

    @Test
    void aStorageRefusalIsTheGatewaysErrorNotATransportFailure() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("part.bin"), 8 * MIB, 19);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                HttpTransport transport = new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(10), false);
                FileChannel channel = FileChannel.open(file)) {
            StorageGateway gateway = new StorageGateway(transport, vod.endpoint(), RetryPolicy.defaults());
            StorageTarget target = new StorageTarget(
                    vod.endpoint().getAuthority(), "tos-nowhere/no-such-object.mp4", "not-a-token", List.of());
            TransferControl control = new TransferControl() {
                @Override
                public void onBytesSent(long bytes) {}

                @Override
                public boolean cancelled() {
                    return false;
                }
            };

            assertThatThrownBy(() -> gateway.uploadPart(
                            target, "no-such-upload", 1, new FileRegion(channel, 0, 8 * MIB), control))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.httpStatus()).isBetween(400, 499);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.partNumber()).isEqualTo(1);
                    })
                    .hasMessageContaining("HTTP 4")
                    .hasMessageNotContaining("not gateway JSON");
        }
    }
}
