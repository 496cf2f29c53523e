package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.MutableClock;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ApplyUploadInfo → storage gateway → CommitUploadInfo → download, over real loopback HTTP. */
class UploadFlowTest extends EmulatorTestBase {
    @Test
    void directUploadCommitAndDownloadAreByteIdentical() {
        byte[] data = bytes(100_000, 1);
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileExtension", ".bin", "FileSize", "100000"));
        assertThat(grant.fileName()).matches("[0-9a-f]{32}\\.bin");
        assertThat(grant.storeUri()).isEqualTo("tos-vod-local-demo/" + grant.fileName());
        assertThat(grant.uploadHosts())
                .containsExactly("127.0.0.1:" + vod.emulator().port());

        Reply put = vod.directPut(grant, data);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers().firstValue("X-Tt-Logid")).isPresent();
        JsonNode gateway = put.json();
        assertThat(gateway.path("success").asInt()).isZero();
        assertThat(gateway.path("error").path("code").asInt()).isEqualTo(200);
        assertThat(gateway.path("payload").path("hash").asText()).isEqualTo(VodTestClient.crc32(data));
        assertThat(gateway.path("payload").path("key").asText()).isEqualTo(grant.fileName());

        JsonNode committed = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                .result()
                .path("Data");
        assertThat(committed.path("Vid").asText()).matches("v0[a-z0-9]{30}");
        assertThat(committed.path("PosterUri").asText()).isEmpty();
        assertThat(committed.path("Mid").asText()).isEmpty();
        JsonNode source = committed.path("SourceInfo");
        assertThat(source.path("FileName").asText()).isEqualTo(grant.fileName());
        assertThat(source.path("StoreUri").asText()).isEqualTo(grant.storeUri());
        assertThat(source.path("Size").asLong()).isEqualTo(data.length);
        assertThat(source.path("Md5").asText()).isEqualTo(VodTestClient.md5(data));
        assertThat(source.path("TosStorageClass").asText()).isEqualTo("STANDARD");

        Reply download = vod.download(grant.fileName());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(data);
        assertThat(download.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(data.length));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @ParameterizedTest(name = "{0}-based merge body")
    @ValueSource(ints = {0, 1})
    void multipartPartsOutOfOrderAreMerged(int base) throws IOException {
        byte[] part1 = concat(mp4Header(), bytes(1000, 11));
        byte[] part2 = bytes(700, 12);
        byte[] part3 = bytes(3, 13);
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "parts/movie.mp4"));
        String uploadId = init(grant);

        assertThat(part(grant, uploadId, 3, part3)
                        .path("payload")
                        .path("part_number")
                        .asText())
                .isEqualTo("3");
        assertThat(part(grant, uploadId, 2, bytes(700, 99)).path("success").asInt())
                .isZero();
        assertThat(part(grant, uploadId, 2, part2).path("payload").path("crc32").asText())
                .isEqualTo(VodTestClient.crc32(part2));
        JsonNode first = part(grant, uploadId, 1, part1).path("payload");
        assertThat(first.path("uploadid").asText()).isEqualTo(uploadId);
        assertThat(first.path("meta").path("ObjectContentType").asText()).isEqualTo("video/mp4");

        Reply list = vod.client()
                .send(
                        "GET",
                        "/" + grant.storeUri() + "?uploadID=" + uploadId,
                        Map.of("Authorization", grant.auth()),
                        new byte[0]);
        assertThat(list.json().path("payload").path("partList").findValuesAsText("partNumber"))
                .containsExactly("1", "2", "3");
        assertThat(list.json()
                        .path("payload")
                        .path("partList")
                        .get(1)
                        .path("size")
                        .asLong())
                .isEqualTo(700);

        String body = base + ":" + VodTestClient.crc32(part1) + "," + (base + 1) + ":" + VodTestClient.crc32(part2)
                + "," + (base + 2) + ":" + VodTestClient.crc32(part3);
        Reply merged = vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "uploadID=" + uploadId + "&ObjectContentType=video/mp4",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Storage-Mode", "gateway"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        byte[] whole = concat(concat(part1, part2), part3);
        assertThat(merged.json().path("payload").path("hash").asText()).isEqualTo(VodTestClient.crc32(whole));
        assertThat(merged.json().path("payload").path("key").asText()).isEqualTo("parts/movie.mp4");

        assertThat(vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                        .result()
                        .path("Data")
                        .path("SourceInfo")
                        .path("Size")
                        .asLong())
                .isEqualTo(whole.length);
        Reply download = vod.download("parts/movie.mp4");
        assertThat(download.body()).isEqualTo(whole);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(objectFiles()).hasSize(1);
        assertThat(dataDir.resolve("multipart").resolve(uploadId)).doesNotExist();
    }

    /**
     * Both part layouts real clients use: the official SDKs' (equal parts, the remainder folded into a longer last
     * one) and vodkit's (equal parts, then a short last one). The merged object has the whole file's size and MD5.
     */
    @ParameterizedTest(name = "parts {0}")
    @ValueSource(strings = {"4000,4000,6500", "4000,4000,4000,2500"})
    void eitherPartLayoutMergesIntoTheWholeFileWithItsMd5(String sizes) {
        List<byte[]> parts = new ArrayList<>();
        for (String size : sizes.split(",")) {
            parts.add(bytes(Integer.parseInt(size), parts.size() + 40));
        }
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "layout.bin"));
        String uploadId = init(grant);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        List<String> entries = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            part(grant, uploadId, k + 1, parts.get(k));
            whole.writeBytes(parts.get(k));
            entries.add(k + ":" + VodTestClient.crc32(parts.get(k)));
        }

        assertThat(merge(grant, uploadId, String.join(",", entries)).status()).isEqualTo(200);

        JsonNode data = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                .result()
                .path("Data");
        assertThat(data.path("SourceInfo").path("Size").asLong()).isEqualTo(whole.size());
        JsonNode source = vod.mediaSourceInfo(data.path("Vid").asText());
        assertThat(source.path("Size").asLong()).isEqualTo(whole.size());
        assertThat(source.path("Md5").asText()).isEqualTo(VodTestClient.md5(whole.toByteArray()));
        assertThat(vod.download("layout.bin").body()).isEqualTo(whole.toByteArray());
    }

    @Test
    void partsUploadedConcurrentlyAreMergedInPartOrder() throws Exception {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "parallel.bin"));
        String uploadId = init(grant);
        List<byte[]> parts =
                IntStream.rangeClosed(1, 8).mapToObj(n -> bytes(5000 + n, n)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> replies = new ArrayList<>();
            for (int n = parts.size(); n >= 1; n--) {
                int partNumber = n;
                replies.add(pool.submit(() -> part(grant, uploadId, partNumber, parts.get(partNumber - 1))));
            }
            for (Future<JsonNode> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS).path("success").asInt())
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        String body = IntStream.range(0, parts.size())
                .mapToObj(i -> i + ":" + VodTestClient.crc32(parts.get(i)))
                .collect(Collectors.joining(","));

        assertThat(merge(grant, uploadId, body).status()).isEqualTo(200);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.forEach(whole::writeBytes);
        assertThat(vod.download("parallel.bin").body()).isEqualTo(whole.toByteArray());
    }

    @Test
    void mergeRejectsWrongCrcAndMissingParts() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "m.bin"));
        String uploadId = init(grant);
        byte[] part1 = bytes(10, 1);
        part(grant, uploadId, 1, part1);

        Reply wrongCrc = merge(grant, uploadId, "0:00000000");
        assertThat(wrongCrc.status()).isEqualTo(400);
        assertThat(wrongCrc.json().path("error").path("message").asText()).contains("crc32 mismatch");

        Reply missing = merge(grant, uploadId, "0:" + VodTestClient.crc32(part1) + ",1:00000000");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("message").asText()).contains("part 2");

        Reply unknown = merge(grant, "0123456789abcdef0123456789abcdef", "0:" + VodTestClient.crc32(part1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("success").asInt()).isNotZero();

        assertThat(merge(grant, uploadId, "0:" + VodTestClient.crc32(part1)).status())
                .isEqualTo(200);
    }

    @Test
    void crcMismatchIsRejectedAndNothingIsStored() throws IOException {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "bad.bin"));
        byte[] data = bytes(5000, 3);

        Reply reply = vod.client()
                .gatewayPut(grant.storeUri(), grant.auth(), null, data, Map.of("Content-CRC32", "deadbeef"));

        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = reply.json();
        assertThat(body.path("success").asInt()).isNotZero();
        assertThat(body.path("error").path("code").asInt()).isEqualTo(400);
        assertThat(body.path("error").path("error_code").asInt()).isPositive();
        assertThat(body.path("error").path("message").asText())
                .isEqualTo("crc32 mismatch: expected deadbeef actual " + VodTestClient.crc32(data));
        assertThat(objectFiles()).isEmpty();
        assertThat(vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                        .error()
                        .path("Message")
                        .asText())
                .isEqualTo("The upload of " + grant.storeUri() + " is not complete.");

        String uploadId = init(grant);
        Reply badPart = vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "partNumber=1&uploadID=" + uploadId,
                        data,
                        Map.of("Content-CRC32", "deadbeef"));
        assertThat(badPart.status()).isEqualTo(400);
        assertThat(Files.list(dataDir.resolve("multipart").resolve(uploadId))
                        .filter(Files::isRegularFile)
                        .toList())
                .isEmpty();
    }

    @Test
    void ignoredCrcIsAcceptedAndInvalidCrcHeaderIsRefused() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "stream.bin"));
        byte[] data = bytes(100, 4);

        assertThat(vod.client()
                        .gatewayPut(grant.storeUri(), grant.auth(), null, data, Map.of("Content-CRC32", "12345"))
                        .status())
                .isEqualTo(400);
        Reply ignored =
                vod.client().gatewayPut(grant.storeUri(), grant.auth(), null, data, Map.of("Content-CRC32", "Ignore"));
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().path("payload").path("hash").asText()).isEqualTo(VodTestClient.crc32(data));
    }

    @Test
    void nodeStyleGatewayHeadersAreTolerated() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "node.bin"));
        byte[] data = bytes(3000, 14);

        Reply reply = vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        null,
                        data,
                        Map.of(
                                "Content-CRC32",
                                VodTestClient.crc32(data),
                                "Content-Type",
                                "application/x-www-form-urlencoded"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(vod.download("node.bin").body()).isEqualTo(data);
    }

    @Test
    void badAuthorizationIsRejected() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "auth.bin"));
        Grant other = vod.apply(TestEmulator.SPACE, Map.of("FileName", "other.bin"));
        byte[] data = bytes(10, 5);
        Map<String, String> crc = Map.of("Content-CRC32", VodTestClient.crc32(data));

        assertThat(vod.client()
                        .gatewayPut(grant.storeUri(), null, null, data, crc)
                        .status())
                .isEqualTo(401);
        String tampered = grant.auth().substring(0, grant.auth().length() - 2) + "xx";
        Reply refused = vod.client().gatewayPut(grant.storeUri(), tampered, null, data, crc);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(403);
        assertThat(vod.client()
                        .gatewayPut(grant.storeUri(), other.auth(), null, data, crc)
                        .status())
                .isEqualTo(403);
        assertThat(vod.client()
                        .gatewayPut(grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(vod.client()
                        .gatewayPut(grant.storeUri() + "/../other.bin", grant.auth(), null, data, crc)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void expiredAuthorizationIsRejected(@TempDir Path otherDir) throws IOException {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestEmulator timed = TestEmulator.start(TestEmulator.config(otherDir), clock)) {
            Grant grant = timed.apply(TestEmulator.SPACE, Map.of("FileName", "late.bin"));
            clock.advance(Duration.ofHours(24).plusSeconds(1));

            Reply reply = timed.directPut(grant, bytes(10, 6));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().path("error").path("message").asText()).contains("expired");
        }
    }

    @Test
    void expiredMultipartUploadIsGone(@TempDir Path otherDir) throws IOException {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestEmulator timed = TestEmulator.start(TestEmulator.config(otherDir), clock)) {
            Grant grant = timed.apply(TestEmulator.SPACE, Map.of("FileName", "slow.bin"));
            String uploadId = timed.client()
                    .gatewayPut(grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of())
                    .json()
                    .path("payload")
                    .path("uploadID")
                    .asText();
            clock.advance(Duration.ofHours(23));
            Grant renewed = timed.apply(TestEmulator.SPACE, Map.of("SessionKey", grant.sessionKey()));
            assertThat(renewed.storeUri()).isEqualTo(grant.storeUri());
            clock.advance(Duration.ofHours(2));

            Reply reply = timed.client()
                    .gatewayPut(
                            renewed.storeUri(),
                            renewed.auth(),
                            "partNumber=1&uploadID=" + uploadId,
                            bytes(10, 1),
                            Map.of());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(otherDir.resolve("multipart").resolve(uploadId)).doesNotExist();
        }
    }

    @Test
    void aRepeatedCommitOfASessionKeyAnswersTheSameVid() {
        Grant grant = vod.upload("once.bin", bytes(10, 7));
        JsonNode first = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                .result()
                .path("Data");

        Reply second = vod.commit(TestEmulator.SPACE, grant.sessionKey(), "[{\"Name\":\"GetMeta\"}]");

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.result().path("Data")).isEqualTo(first);
    }

    @Test
    void concurrentCommitsOfOneSessionKeyMakeOneVidAndTheRestAreAskedToRetry() throws Exception {
        Grant grant = vod.upload("race.bin", bytes(10, 8));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)));
            }
            for (Future<Reply> future : futures) {
                replies.add(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> vids = replies.stream()
                .filter(r -> r.status() == 200)
                .map(r -> r.result().path("Data").path("Vid").asText())
                .distinct()
                .toList();
        assertThat(vids).hasSize(1);
        assertThat(replies)
                .filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(503));
        assertThat(vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                        .result()
                        .path("Data")
                        .path("Vid")
                        .asText())
                .isEqualTo(vids.get(0));
    }

    @Test
    void aRepeatedMergeAnswersTheMergedObjectAndTheUploadTakesNoMoreParts() throws IOException {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "twice.bin"));
        String uploadId = init(grant);
        byte[] part1 = bytes(100, 1);
        part(grant, uploadId, 1, part1);
        String body = "0:" + VodTestClient.crc32(part1);
        Reply first = merge(grant, uploadId, body);
        assertThat(first.status()).as(first.text()).isEqualTo(200);

        Reply again = merge(grant, uploadId, body);

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("payload")).isEqualTo(first.json().path("payload"));
        assertThat(merge(grant, uploadId, "0:00000000").status()).isEqualTo(404);
        Reply late = vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "partNumber=2&uploadID=" + uploadId,
                        part1,
                        Map.of("X-Storage-Mode", "gateway"));
        assertThat(late.status()).isEqualTo(404);
        assertThat(dataDir.resolve("multipart").resolve(uploadId)).doesNotExist();
        assertThat(objectFiles()).hasSize(1);
        assertThat(vod.download("twice.bin").body()).isEqualTo(part1);
    }

    @Test
    void commitBeforeUploadCompletesIsRefused() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "half.bin"));
        String uploadId = init(grant);
        part(grant, uploadId, 1, bytes(10, 8));

        Reply reply = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().path("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(reply.error().path("Message").asText()).contains("is not complete");
    }

    @Test
    void commitChecksSessionOwnership() {
        Grant grant = vod.upload("mine.bin", bytes(10, 9));

        assertThat(vod.commit(TestEmulator.OTHER_SPACE, grant.sessionKey(), null)
                        .error()
                        .path("Message")
                        .asText())
                .contains("does not belong to space other");
        assertThat(vod.commit(TestEmulator.SPACE, "no-such-session", null).status())
                .isEqualTo(400);
    }

    @Test
    void fileNamesAreUniqueAcrossSpaces() {
        vod.upload("shared/name.mp4", bytes(10, 10));

        Reply reply = vod.client()
                .get(
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", TestEmulator.OTHER_SPACE, "FileName", "shared/name.mp4"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().path("Message").asText())
                .isEqualTo("The FileName shared/name.mp4 is already used in space demo.");
    }

    @Test
    void reuploadingTheSameFileNameReplacesTheObject() throws IOException {
        vod.upload("again.bin", bytes(50, 1));
        Grant second = vod.upload("again.bin", bytes(60, 2));

        assertThat(vod.commit(TestEmulator.SPACE, second.sessionKey(), null)
                        .result()
                        .path("Data")
                        .path("SourceInfo")
                        .path("Size")
                        .asLong())
                .isEqualTo(60);
        assertThat(vod.download("again.bin").body()).isEqualTo(bytes(60, 2));
        assertThat(objectFiles()).hasSize(1);
    }

    @Test
    void addOptionInfoAndCallbackArgsAreAccepted() {
        Grant grant = vod.upload("opts.bin", bytes(10, 3));
        // StartWorkflow, which needs a template the emulator has, is WorkflowTest's
        String functions = "[{\"Name\":\"AddOptionInfo\",\"Input\":{\"Title\":\"Clip\",\"Tags\":\"a,b\"}}]";

        Reply reply = vod.client()
                .get(
                        "CommitUploadInfo",
                        "2022-01-01",
                        Map.of(
                                "SpaceName",
                                TestEmulator.SPACE,
                                "SessionKey",
                                grant.sessionKey(),
                                "Functions",
                                functions,
                                "CallbackArgs",
                                "cb"));

        assertThat(reply.result().path("Data").path("Vid").asText()).startsWith("v0");
        Reply tooLong = vod.commit(
                TestEmulator.SPACE,
                vod.upload("opts2.bin", bytes(5, 1)).sessionKey(),
                "[{\"Name\":\"AddOptionInfo\",\"Input\":{\"Title\":\"" + "t".repeat(513) + "\"}}]");
        assertThat(tooLong.error().path("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(tooLong.error().path("Message").asText()).contains("Title");
    }

    private String init(Grant grant) {
        Reply reply = vod.client()
                .gatewayPut(
                        grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of("X-Storage-Mode", "gateway"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().path("payload").path("uploadID").asText();
    }

    private JsonNode part(Grant grant, String uploadId, int partNumber, byte[] data) {
        Reply reply = vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "partNumber=" + partNumber + "&uploadID=" + uploadId,
                        data,
                        Map.of("Content-CRC32", VodTestClient.crc32(data), "X-Storage-Mode", "gateway"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private Reply merge(Grant grant, String uploadId, String body) {
        return vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "uploadID=" + uploadId,
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Storage-Mode", "gateway"));
    }

    private List<Path> objectFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] mp4Header() {
        return new byte[] {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
