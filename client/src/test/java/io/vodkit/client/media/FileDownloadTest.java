package io.vodkit.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodException;
import io.vodkit.client.internal.Hex;
import io.vodkit.client.internal.media.FileDownload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MediaManager#download} and {@link MediaDownloader}: a loopback server that cuts its first reply half-way,
 * then honours Range, as a flaky CDN does; that redirects; and that sends a body of no stated length.
 */
class FileDownloadTest {
    private static final int SIZE = 300_000;

    @TempDir
    Path dir;

    private final byte[] content = new byte[SIZE];
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private HttpServer server;
    private VodClient client;

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(content);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/clip.mp4", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int start = range == null ? 0 : Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            if (range != null) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (SIZE - 1) + "/" + SIZE);
            }
            exchange.sendResponseHeaders(range == null ? 200 : 206, SIZE - start);
            try (OutputStream body = exchange.getResponseBody()) {
                if (cutsLeft.getAndDecrement() > 0) {
                    body.write(content, start, (SIZE - start) / 2);
                    body.flush();
                    throw new IOException("cut on purpose");
                }
                body.write(content, start, SIZE - start);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/clip.mp4");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/unsized.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        });
        server.start();
        client = new VodClient(VodClientConfig.of(URI.create("http://127.0.0.1:1"), null, new Credentials("ak", "sk")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/clip.mp4");
    }

    @Test
    void aReplyCutHalfWayIsResumedWithRangeAndVerified() throws Exception {
        cutsLeft.set(1);
        Path target = dir.resolve("clip.mp4");
        List<Long> progress = new CopyOnWriteArrayList<>();

        DownloadResult result = client.media()
                .download(
                        new DownloadRequest(url(), target, false, SIZE, md5(content)),
                        (done, total) -> progress.add(done));

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(result.size()).isEqualTo(SIZE);
        assertThat(result.md5()).isEqualTo(md5(content));
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEqualTo("null");
        assertThat(ranges.get(1)).matches("bytes=\\d+-").isNotEqualTo("bytes=0-");
        assertThat(progress).last().isEqualTo((long) SIZE);
        assertThat(FileDownload.partFile(target)).doesNotExist();
    }

    @Test
    void aServerThatKeepsCuttingFailsWithTheWayToResumeAndKeepsThePart() {
        cutsLeft.set(100);
        Path target = dir.resolve("clip.mp4");

        assertThatThrownBy(() -> client.media()
                        .download(new DownloadRequest(url(), target, false, SIZE, null), DownloadListener.NONE))
                .isInstanceOf(VodException.class)
                .hasMessageContaining("run the same command again");

        assertThat(target).doesNotExist();
        assertThat(FileDownload.partFile(target)).exists();
    }

    @Test
    void anExistingFileIsKeptUnlessOverwriting() throws Exception {
        Path target = Files.writeString(dir.resolve("clip.mp4"), "mine");

        assertThatThrownBy(() -> client.media()
                        .download(new DownloadRequest(url(), target, false, -1, null), DownloadListener.NONE))
                .hasMessageContaining("already exists");
        assertThat(ranges).isEmpty();
        client.media().download(new DownloadRequest(url(), target, true, -1, null), DownloadListener.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void aPlainUrlNeedsOnlyATransportAndItsRedirectIsFollowed() throws Exception {
        Path target = dir.resolve("moved.mp4");
        try (MediaDownloader downloader = MediaDownloader.open(Duration.ofSeconds(5))) {
            DownloadResult result = downloader.download(
                    new DownloadRequest(url().resolve("/moved"), target, false, -1, null), DownloadListener.NONE);
            assertThat(result.size()).isEqualTo(SIZE);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndLeavesNothing() {
        for (String path : List.of("/clip.mp4", "/unsized.mp4")) {
            Path target = dir.resolve("big" + path.replace('/', '-'));
            assertThatThrownBy(() -> client.media()
                            .download(
                                    new DownloadRequest(url().resolve(path), target, false, -1, null, SIZE - 1),
                                    DownloadListener.NONE))
                    .as(path)
                    .isInstanceOf(VodException.class)
                    .hasMessageContaining("larger than the " + (SIZE - 1) + " bytes allowed");
            assertThat(target).as(path).doesNotExist();
            assertThat(FileDownload.partFile(target)).as(path).doesNotExist();
        }
    }

    private static String md5(byte[] bytes) throws Exception {
        return Hex.encode(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
