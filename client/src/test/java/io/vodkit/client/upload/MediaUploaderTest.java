package io.vodkit.client.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.Credentials;
import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodServer.Recorded;
import io.vodkit.client.FakeVodServer.Reply;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodException;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.media.UploadMetadata;
import io.vodkit.client.url.PlayUrlConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The uploader against an in-test fake of the OpenAPI endpoint and the storage gateway. */
class MediaUploaderTest {

    private static final long MIB = 1024L * 1024;
    /** The part size and threshold of these tests, lowered from 20 MiB so that a few hundred KiB go up in parts. */
    private static final long PART = 256 * 1024;

    private static final UploadConfig SMALL_PARTS = UploadConfig.builder()
            .minimumPartSize(PART)
            .partSize(PART)
            .multipartThreshold(PART)
            .build();
    private static final String STORE_URI = "tos-vod-local-s/5f7fdb89.mp4";
    private static final String AUTH = "SpaceKey/s/1/:version:v2:token";

    @TempDir
    Path dir;

    private FakeVodServer server;
    private VodClient client;
    private MediaUploader uploader;
    private final List<FakeVodServer> extraServers = new ArrayList<>();
    private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new FakeVodServer();
        client = VodClient.builder(new VodClientConfig(
                        server.endpoint(),
                        null,
                        new Credentials("AK", "SK"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(20),
                        null))
                .retry(new RetryPolicy(
                        3, Duration.ofMillis(1), Duration.ofMillis(1), waits::add, new SplittableRandom(3)))
                .playUrls(new PlayUrlConfig("https://cdn.example.com", Duration.ofMinutes(10)))
                .build();
        uploader = client.uploads().withConfig(SMALL_PARTS);
        server.onActionResult(
                "CommitUploadInfo",
                "{\"Data\":{\"Vid\":\"v0test\",\"PosterUri\":\"tos-vod-local-s/cover\","
                        + "\"SourceInfo\":{\"FileName\":\"5f7fdb89.mp4\",\"StoreUri\":\"" + STORE_URI
                        + "\",\"Size\":1}}}");
        uploadHosts(server.authority());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        extraServers.forEach(FakeVodServer::close);
    }

    @Test
    void aFileOfTwoAndAQuarterPartsGoesUpAsTwoFullPartsAndAShortLastOne() throws IOException {
        Path file = sparseFile("big.mp4", 2 * PART + PART / 4);
        List<UploadProgress> progress = new ArrayList<>();

        UploadResult result = uploader.upload(UploadRequest.of(file, "s"), p -> {
            synchronized (progress) {
                progress.add(p);
            }
        });

        List<Recorded> gateway = server.gatewayRequests();
        assertThat(gateway).hasSize(5).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("/" + STORE_URI);
            assertThat(r.header("Authorization")).isEqualTo(AUTH);
            assertThat(r.header("X-Storage-Mode")).isEqualTo("gateway");
        });
        Recorded init = gateway.get(0);
        assertThat(init.rawQuery()).isEqualTo("uploads");
        assertThat(init.bodyLength()).isZero();
        assertThat(init.header("Content-Length")).isEqualTo("0");
        assertThat(init.header("X-Upload-Hint")).isEqualTo("fast");

        String crc1 = crc(file, 0, PART);
        String crc2 = crc(file, PART, PART);
        String crc3 = crc(file, 2 * PART, PART / 4);
        Map<String, Recorded> parts = gateway.subList(1, 4).stream()
                .collect(Collectors.toMap(r -> r.query().get("partNumber"), r -> r));
        assertThat(parts.get("1").rawQuery()).isEqualTo("partNumber=1&uploadID=up-123");
        assertThat(parts.get("1").bodyLength()).isEqualTo(PART);
        assertThat(parts.get("1").header("Content-CRC32"))
                .isEqualTo(crc1)
                .isEqualTo(parts.get("1").bodyCrc32());
        assertThat(parts.get("2").bodyLength()).isEqualTo(PART);
        assertThat(parts.get("2").header("Content-CRC32"))
                .isEqualTo(crc2)
                .isEqualTo(parts.get("2").bodyCrc32());
        assertThat(parts.get("3").bodyLength()).isEqualTo(PART / 4);
        assertThat(parts.get("3").header("Content-CRC32"))
                .isEqualTo(crc3)
                .isEqualTo(parts.get("3").bodyCrc32());
        assertThat(parts.values())
                .allSatisfy(r -> assertThat(r.header("X-Upload-Hint")).isNull());

        Recorded merge = gateway.get(4);
        assertThat(merge.rawQuery()).isEqualTo("uploadID=up-123&ObjectContentType=video/mp4");
        assertThat(merge.bodyHead()).isEqualTo("0:" + crc1 + ",1:" + crc2 + ",2:" + crc3);
        assertThat(merge.header("Content-CRC32")).isNull();

        assertThat(result)
                .isEqualTo(new UploadResult(
                        "v0test",
                        "tos-vod-local-s/cover",
                        "5f7fdb89.mp4",
                        STORE_URI,
                        "s",
                        result.sourceInfo(),
                        "https://cdn.example.com/5f7fdb89.mp4"));
        assertThat(server.actionRequests("ApplyUploadInfo").get(0).query())
                .containsEntry("FileExtension", ".mp4")
                .containsEntry("FileSize", Long.toString(2 * PART + PART / 4));
        assertThat(server.actionRequests("CommitUploadInfo").get(0).query()).containsEntry("SessionKey", "sess-1");
        assertThat(progress)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.totalBytes()).isEqualTo(2 * PART + PART / 4));
        assertThat(progress.stream().mapToLong(UploadProgress::bytesSent).max().orElseThrow())
                .isEqualTo(2 * PART + PART / 4);
    }

    @Test
    void smallFileGoesUpDirectlyWithUploadHeadersTitleAndFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.mov"), "hello world");
        AtomicLong lastProgress = new AtomicLong();

        UploadResult result = uploader.upload(
                UploadRequest.of(file, "s")
                        .withMetadata(UploadMetadata.title("My title"))
                        .withFileName("dir/hello.mov"),
                p -> lastProgress.set(p.bytesSent()));

        assertThat(server.gatewayRequests()).singleElement().satisfies(put -> {
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.path()).isEqualTo("/" + STORE_URI);
            assertThat(put.rawQuery()).isNull();
            assertThat(put.header("Content-CRC32")).isEqualTo("0d4a1185");
            assertThat(put.header("Authorization")).isEqualTo(AUTH);
            assertThat(put.header("X-Upload-Hint")).isEqualTo("fast");
            assertThat(put.header("X-Storage-Mode")).isNull();
            assertThat(put.bodyHead()).isEqualTo("hello world");
        });
        assertThat(lastProgress.get()).isEqualTo(11);
        assertThat(server.actionRequests("ApplyUploadInfo").get(0).query())
                .containsEntry("FileName", "dir/hello.mov")
                .containsEntry("FileExtension", ".mov");
        assertThat(server.actionRequests("CommitUploadInfo").get(0).query().get("Functions"))
                .isEqualTo("[{\"Name\":\"GetMeta\"},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":0}},"
                        + "{\"Name\":\"AddOptionInfo\",\"Input\":{\"Title\":\"My title\"}}]");
        assertThat(result.vid()).isEqualTo("v0test");
    }

    static Stream<Arguments> badFirstHosts() {
        return Stream.of(
                Arguments.of("connection refused", (Function<Recorded, Reply>) null),
                Arguments.of("503 gateway error", (Function<Recorded, Reply>)
                        r -> FakeVodServer.gatewayError(503, 5003, "busy")),
                Arguments.of("502 HTML page", (Function<Recorded, Reply>)
                        r -> new Reply(502, "text/html", "<html>Bad Gateway</html>")));
    }

    @ParameterizedTest(name = "first host: {0}")
    @MethodSource("badFirstHosts")
    void failsOverToTheNextHostAndRemembersTheDeadOne(String name, Function<Recorded, Reply> badGateway)
            throws IOException {
        FakeVodServer bad = null;
        if (badGateway != null) {
            bad = new FakeVodServer().onGateway(badGateway);
            extraServers.add(bad);
        }
        uploadHosts(bad == null ? "127.0.0.1:1" : bad.authority(), server.authority());
        Path file = sparseFile("one-part.mp4", PART);

        UploadResult result = uploader.upload(UploadRequest.of(file, "s"), UploadListener.NONE);

        assertThat(result.vid()).isEqualTo("v0test");
        assertThat(server.gatewayRequests())
                .extracting(Recorded::rawQuery)
                .containsExactly(
                        "uploads", "partNumber=1&uploadID=up-123", "uploadID=up-123&ObjectContentType=video/mp4");
        if (bad != null) {
            assertThat(bad.gatewayRequests())
                    .as("the failed host is not tried again")
                    .hasSize(1);
        }
    }

    @Test
    void failsOverThroughTheCandidateAddressesAndCommitsTheSessionOfTheOneUsed() throws IOException {
        FakeVodServer backup = new FakeVodServer();
        extraServers.add(backup);
        String deadMain = "{\"StoreInfos\":[{\"StoreUri\":\"tos-main/a.mp4\",\"Auth\":\"main-token\"}],"
                + "\"UploadHosts\":[\"127.0.0.1:1\"],\"UploadHeader\":[],\"SessionKey\":\"sess-main\"}";
        String liveBackup = "{\"StoreInfos\":[{\"StoreUri\":\"" + STORE_URI + "\",\"Auth\":\"" + AUTH + "\"}],"
                + "\"UploadHosts\":[\"" + backup.authority()
                + "\"],\"UploadHeader\":[],\"SessionKey\":\"sess-backup\"}";
        server.onActionResult(
                "ApplyUploadInfo",
                "{\"Data\":{\"UploadAddress\":" + deadMain + ","
                        + "\"CandidateUploadAddresses\":{\"MainUploadAddresses\":[" + deadMain + "],"
                        + "\"BackupUploadAddresses\":[" + liveBackup + "],\"FallbackUploadAddresses\":[]}}}");
        Path file = Files.writeString(dir.resolve("hello.mp4"), "hello world");

        UploadResult result = uploader.upload(UploadRequest.of(file, "s"), UploadListener.NONE);

        assertThat(result.vid()).isEqualTo("v0test");
        assertThat(server.actionRequests("ApplyUploadInfo").get(0).query()).containsEntry("NeedFallback", "True");
        assertThat(backup.gatewayRequests()).singleElement().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/" + STORE_URI);
            assertThat(put.header("Authorization")).isEqualTo(AUTH);
        });
        assertThat(server.actionRequests("CommitUploadInfo").get(0).query()).containsEntry("SessionKey", "sess-backup");
    }

    @Test
    void candidateAddressesOfTheSameUploadAreHostsOfOneRoute() throws IOException {
        String address = "{\"StoreInfos\":[{\"StoreUri\":\"" + STORE_URI + "\",\"Auth\":\"" + AUTH + "\"}],"
                + "\"UploadHosts\":[\"%s\"],\"UploadHeader\":[],\"SessionKey\":\"sess-1\"}";
        String dead = String.format(address, "127.0.0.1:1");
        server.onActionResult(
                "ApplyUploadInfo",
                "{\"Data\":{\"UploadAddress\":" + dead + ","
                        + "\"CandidateUploadAddresses\":{\"MainUploadAddresses\":[" + dead
                        + "],\"BackupUploadAddresses\":["
                        + String.format(address, server.authority()) + "],\"FallbackUploadAddresses\":[" + dead
                        + "]}}}");
        Path file = sparseFile("one-part.mp4", PART);

        UploadResult result = uploader.upload(UploadRequest.of(file, "s"), UploadListener.NONE);

        assertThat(result.vid()).isEqualTo("v0test");
        // one multipart upload: the dead host is left after its first failure, the init is not repeated
        assertThat(server.gatewayRequests())
                .extracting(Recorded::rawQuery)
                .containsExactly(
                        "uploads", "partNumber=1&uploadID=up-123", "uploadID=up-123&ObjectContentType=video/mp4");
        assertThat(server.actionRequests("CommitUploadInfo").get(0).query()).containsEntry("SessionKey", "sess-1");
    }

    @Test
    void atMostConcurrencyPartsAreInFlight() throws IOException {
        Path file = sparseFile("four-parts.mp4", 4 * PART);
        CountDownLatch twoPartsArrived = new CountDownLatch(2);
        server.beforeGatewayReply(r -> {
            if (r.query().containsKey("partNumber")) {
                twoPartsArrived.countDown();
                awaitQuietly(twoPartsArrived);
            }
        });

        uploader.withConfig(SMALL_PARTS.toBuilder().partsInFlight(2).build())
                .upload(UploadRequest.of(file, "s"), UploadListener.NONE);

        assertThat(twoPartsArrived.getCount())
                .as("two parts were in flight together")
                .isZero();
        assertThat(server.maxGatewayInFlight()).isEqualTo(2);
        assertThat(server.gatewayRequests())
                .filteredOn(r -> r.query().containsKey("partNumber"))
                .hasSize(4);
    }

    @Test
    void gatewayClientErrorFailsAtOnceWithoutFailoverOrCommit() throws IOException {
        FakeVodServer second = new FakeVodServer();
        extraServers.add(second);
        uploadHosts(server.authority(), second.authority());
        server.onGateway(r -> "2".equals(r.query().get("partNumber"))
                ? FakeVodServer.gatewayError(400, 4002, "crc32 mismatch: expected 1 actual 2")
                : FakeVodServer.standardGateway(r));
        Path file = sparseFile("two-parts.mp4", 2 * PART);

        assertThatThrownBy(() -> uploader.withConfig(
                                SMALL_PARTS.toBuilder().partsInFlight(1).build())
                        .upload(UploadRequest.of(file, "s"), UploadListener.NONE))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.step()).isEqualTo(GatewayStep.UPLOAD_PART);
                    assertThat(e.partNumber()).isEqualTo(2);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("upload part (part 2)", "HTTP 400", "crc32 mismatch");
                });
        assertThat(second.requests()).isEmpty();
        assertThat(server.actionRequests("CommitUploadInfo")).isEmpty();
    }

    @Test
    void firstFailureCancelsPartsStillInFlightWithoutFailingOver() throws IOException {
        FakeVodServer second = new FakeVodServer();
        extraServers.add(second);
        uploadHosts(server.authority(), second.authority());
        CountDownLatch part2Arrived = new CountDownLatch(1);
        CountDownLatch releasePart2 = new CountDownLatch(1);
        AtomicLong part2Answered = new AtomicLong();
        server.beforeGatewayReply(r -> {
            if ("2".equals(r.query().get("partNumber"))) {
                part2Arrived.countDown();
                awaitQuietly(releasePart2);
                part2Answered.incrementAndGet();
            }
        });
        server.onGateway(r -> {
            if ("1".equals(r.query().get("partNumber"))) {
                awaitQuietly(part2Arrived);
                return FakeVodServer.gatewayError(403, 4003, "token expired");
            }
            return FakeVodServer.standardGateway(r);
        });
        Path file = sparseFile("two-parts.mp4", 2 * PART);

        try {
            assertThatThrownBy(() -> uploader.withConfig(
                                    SMALL_PARTS.toBuilder().partsInFlight(2).build())
                            .upload(UploadRequest.of(file, "s"), UploadListener.NONE))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.partNumber()).isEqualTo(1))
                    .hasMessageContaining("token expired");
            assertThat(part2Answered.get())
                    .as("upload returned without waiting for part 2")
                    .isZero();
            assertThat(second.requests())
                    .as("a cancelled part is not retried on another host")
                    .isEmpty();
        } finally {
            releasePart2.countDown();
        }
        assertThat(server.actionRequests("CommitUploadInfo")).isEmpty();
    }

    /**
     * A failed address whose other part was cancelled mid-body (its thread interrupted inside sendfile, which closes
     * the channel it reads) still leaves the file readable for the next candidate address.
     */
    @Test
    void aCancelledAttemptLeavesTheFileReadableForTheNextCandidateAddress() throws Exception {
        long part = 32 * MIB; // more than loopback socket buffers hold: part 2 blocks inside sendfile
        CountDownLatch part2Blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (ServerSocket main = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            pool.execute(() -> {
                while (!main.isClosed()) {
                    try {
                        Socket socket = main.accept();
                        pool.execute(() -> mainHost(socket, part2Blocked, release));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            FakeVodServer backup = new FakeVodServer();
            extraServers.add(backup);
            String address = "{\"StoreInfos\":[{\"StoreUri\":\"" + STORE_URI + "\",\"Auth\":\"" + AUTH + "\"}],"
                    + "\"UploadHosts\":[\"%s\"],\"UploadHeader\":[],\"SessionKey\":\"%s\"}";
            String mainAddress = String.format(address, "127.0.0.1:" + main.getLocalPort(), "sess-main");
            String backupAddress = String.format(address, backup.authority(), "sess-backup");
            server.onActionResult(
                    "ApplyUploadInfo",
                    "{\"Data\":{\"UploadAddress\":" + mainAddress + ","
                            + "\"CandidateUploadAddresses\":{\"MainUploadAddresses\":[" + mainAddress + "],"
                            + "\"BackupUploadAddresses\":[" + backupAddress + "],\"FallbackUploadAddresses\":[]}}}");
            Path file = sparseFile("two-big-parts.mp4", 2 * part);

            UploadResult result = uploader.withConfig(SMALL_PARTS.toBuilder()
                            .partSize(part)
                            .partsInFlight(2)
                            .build())
                    .upload(UploadRequest.of(file, "s"), UploadListener.NONE);

            assertThat(result.vid()).isEqualTo("v0test");
            assertThat(part2Blocked.getCount())
                    .as("part 2 was sending to the failing address")
                    .isZero();
            assertThat(backup.gatewayRequests())
                    .filteredOn(r -> r.query().containsKey("partNumber"))
                    .extracting(Recorded::bodyLength)
                    .containsExactlyInAnyOrder(part, part);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The failing address: starts uploads; part 1 fails (500) once part 2 is in flight; part 2 is never read. */
    private static void mainHost(Socket socket, CountDownLatch part2Blocked, CountDownLatch release) {
        try (socket) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            Reply reply;
            if (head.indexOf("?uploads") >= 0) {
                reply = FakeVodServer.gatewayOk("{\"uploadID\":\"up-main\"}");
            } else if (head.indexOf("partNumber=2") >= 0) {
                part2Blocked.countDown();
                release.await();
                return;
            } else {
                awaitQuietly(part2Blocked);
                Thread.sleep(200); // part 2 fills the socket buffers and blocks
                reply = FakeVodServer.gatewayError(500, 5000, "main storage broke");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + reply.status() + " X\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    @Test
    void allHostsFailingNamesThemAll() throws IOException {
        uploadHosts("127.0.0.1:1");
        Path file = Files.writeString(dir.resolve("a.mp4"), "x");

        assertThatThrownBy(() -> uploader.upload(UploadRequest.of(file, "s"), UploadListener.NONE))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.step()).isEqualTo(GatewayStep.DIRECT_UPLOAD);
                    assertThat(e.getMessage())
                            .contains(
                                    "every upload host failed (tried 127.0.0.1:1)",
                                    "cannot connect to 127.0.0.1:1 (connection refused or host unreachable)");
                });
        assertThat(waits).as("backed-off rounds before giving up").hasSize(2);
    }

    @Test
    void aPartThatFailsTransientlyOnEveryHostIsRetriedAloneAfterABackoff() throws IOException {
        int[] failures = {0};
        server.onGateway(r -> r.query().containsKey("partNumber")
                        && r.query().get("partNumber").equals("2")
                        && failures[0]++ == 0
                ? FakeVodServer.gatewayError(503, 5000, "busy")
                : FakeVodServer.standardGateway(r));
        Path file = sparseFile("big.mp4", 2 * PART + PART / 4);

        UploadResult result = uploader.upload(UploadRequest.of(file, "s"), UploadListener.NONE);

        assertThat(result.vid()).isEqualTo("v0test");
        assertThat(server.gatewayRequests())
                .filteredOn(r -> "2".equals(r.query().get("partNumber")))
                .hasSize(2);
        assertThat(server.gatewayRequests())
                .filteredOn(r -> "1".equals(r.query().get("partNumber")))
                .hasSize(1);
        assertThat(waits).hasSize(1);
    }

    @Test
    void badFileIsRefusedBeforeAnyRequest() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertThatThrownBy(() -> uploader.upload(UploadRequest.of(empty, "s"), UploadListener.NONE))
                .isExactlyInstanceOf(VodException.class)
                .hasMessageContaining("empty");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void requestAndConfigValidateTheirArguments() throws IOException {
        Path file = Files.writeString(dir.resolve("a.mp4"), "x");
        assertThatThrownBy(() -> UploadConfig.builder().partsInFlight(-1).build())
                .hasMessage("concurrency must be 1 to 64, got -1");
        assertThatThrownBy(() -> UploadConfig.builder().partsInFlight(0).build())
                .hasMessage("concurrency must be 1 to 64, got 0");
        assertThatThrownBy(() -> UploadConfig.builder().partsInFlight(65).build())
                .hasMessage("concurrency must be 1 to 64, got 65");
        assertThatThrownBy(() -> UploadConfig.builder().partSize(5 * MIB).build())
                .hasMessage("partSize must be 20 MiB to 5 GiB, got 5 MiB");
        assertThatThrownBy(
                        () -> UploadConfig.builder().multipartThreshold(5 * MIB).build())
                .hasMessage("multipartThreshold must be 20 MiB to 5 GiB, got 5 MiB");
        assertThatThrownBy(() -> UploadConfig.builder()
                        .minimumPartSize(PART)
                        .partSize(PART / 2)
                        .build())
                .hasMessage("partSize must be 256 KiB to 5 GiB, got 128 KiB");
        assertThatThrownBy(() -> UploadConfig.builder().minimumPartSize(0).build())
                .hasMessageStartingWith("minimumPartSize must be 1 byte to 20 MiB");
        assertThatThrownBy(
                        () -> UploadConfig.builder().minimumPartSize(21 * MIB).build())
                .hasMessageStartingWith("minimumPartSize must be 1 byte to 20 MiB");
        assertThat(UploadConfig.defaults()).isEqualTo(new UploadConfig(20 * MIB, 20 * MIB, 0, 20 * MIB));
        assertThatThrownBy(() -> UploadRequest.of(file, "s").withFileName("/a.mp4"))
                .hasMessageStartingWith("fileName must be a storage path")
                .hasMessageEndingWith("got a leading /");
    }

    private void uploadHosts(String... hosts) {
        String hostList = Stream.of(hosts).map(h -> "\"" + h + "\"").collect(Collectors.joining(","));
        server.onActionResult(
                "ApplyUploadInfo",
                "{\"Data\":{\"UploadAddress\":{\"StoreInfos\":[{\"StoreUri\":\""
                        + STORE_URI + "\",\"Auth\":\"" + AUTH + "\"}],\"UploadHosts\":[" + hostList + "],"
                        + "\"UploadHeader\":[{\"Key\":\"X-Upload-Hint\",\"Value\":\"fast\"}],\"SessionKey\":\"sess-1\"}}}");
    }

    /** A sparse file with a few marker bytes so that each part has a distinct CRC. */
    private Path sparseFile(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            for (long at : new long[] {0, PART - 1, PART, size / 2, size - 1}) {
                if (at >= size) {
                    continue;
                }
                raf.seek(at);
                raf.write((int) (at % 251) + 1);
            }
        }
        return file;
    }

    private static String crc(Path file, long offset, long length) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                crc.update(buffer, 0, n);
                left -= n;
            }
        }
        return String.format("%08x", crc.getValue());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
