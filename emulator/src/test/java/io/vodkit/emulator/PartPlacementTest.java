package io.vodkit.emulator;

import static io.vodkit.emulator.UploadRecoveryTest.files;
import static io.vodkit.emulator.UploadRecoveryTest.init;
import static io.vodkit.emulator.UploadRecoveryTest.putPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.FillingDisk;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multipart parts are written once, at their place in the upload's file, and the merge makes that file the object:
 * no copy of the bytes, whatever order the parts come in, and nothing written into an object after its merge.
 */
class PartPlacementTest {
    @TempDir
    Path tmp;

    @Test
    void partsInPlaceBecomeTheObjectWithoutASecondCopy() throws Exception {
        List<byte[]> parts = List.of(
                UploadFlowTest.bytes(4000, 1),
                UploadFlowTest.bytes(4000, 2),
                UploadFlowTest.bytes(4000, 3),
                UploadFlowTest.bytes(2500, 4));
        // room for the parts once (14 500 bytes), not for a merged copy beside them
        FillingDisk disk = new FillingDisk(16_000);
        EmulatorConfig config =
                TestEmulator.config(tmp.resolve("data")).newBuilder().disk(disk).build();
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "once.bin"));
            String uploadId = init(vod, grant);
            for (int k = 0; k < parts.size(); k++) {
                assertThat(putPart(vod, grant, uploadId, k + 1, parts.get(k)).status())
                        .isEqualTo(200);
            }

            Reply merged = merge(vod, grant, uploadId, parts);

            assertThat(merged.status()).as(merged.text()).isEqualTo(200);
            byte[] whole = concat(parts);
            assertThat(merged.json().path("payload").path("hash").asText()).isEqualTo(VodTestClient.crc32(whole));
            JsonNode committed = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                    .result()
                    .path("Data");
            // the merge read nothing: the CRC came from the parts', the MD5 waits until it is asked for
            assertThat(committed.path("SourceInfo").path("Md5").asText()).isEmpty();
            assertThat(listedMd5(vod)).as("a listing does not wait for hashing").isEmpty();
            assertThat(vod.mediaSourceInfo(committed.path("Vid").asText())
                            .path("Md5")
                            .asText())
                    .isEqualTo(VodTestClient.md5(whole));
            assertThat(listedMd5(vod)).as("known since GetMediaInfos asked").isEqualTo(VodTestClient.md5(whole));
            assertThat(vod.download("once.bin").body()).isEqualTo(whole);
        }
    }

    /**
     * Orders that do not fit the layout of the first part written: the short last part first (it fixes a slot
     * smaller than the others), a part re-sent with other bytes, the same bytes sent twice.
     */
    @ParameterizedTest(name = "sent as {0}")
    @ValueSource(strings = {"4,1,2,3", "1,2,3,4,2'", "1,2,2,3,4", "3,2,1,4"})
    void partsInAnyOrderAndReSentAreMergedByteForByte(String order) throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            List<byte[]> parts = new ArrayList<>(List.of(
                    UploadFlowTest.bytes(4000, 1),
                    UploadFlowTest.bytes(4000, 2),
                    UploadFlowTest.bytes(4000, 3),
                    UploadFlowTest.bytes(2500, 4)));
            Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "order.bin"));
            String uploadId = init(vod, grant);
            for (String step : order.split(",")) {
                int number = Integer.parseInt(step.replace("'", ""));
                if (step.endsWith("'")) {
                    parts.set(number - 1, UploadFlowTest.bytes(4000, 20 + number));
                }
                assertThat(putPart(vod, grant, uploadId, number, parts.get(number - 1))
                                .status())
                        .isEqualTo(200);
            }

            assertThat(merge(vod, grant, uploadId, parts).status()).isEqualTo(200);

            byte[] whole = concat(parts);
            String vid = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                    .result()
                    .path("Data")
                    .path("Vid")
                    .asText();
            assertThat(vod.mediaSourceInfo(vid).path("Md5").asText()).isEqualTo(VodTestClient.md5(whole));
            assertThat(vod.download("order.bin").body()).isEqualTo(whole);
            assertThat(files(tmp.resolve("data").resolve("multipart"))).isEmpty();
        }
    }

    @Test
    void aPartStillArrivingWhenTheUploadIsMergedNeverChangesTheObject() throws Exception {
        Path data = tmp.resolve("data");
        try (TestEmulator vod = TestEmulator.start(data)) {
            List<byte[]> parts = List.of(UploadFlowTest.bytes(4000, 1), UploadFlowTest.bytes(4000, 2));
            Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "sealed.bin"));
            String uploadId = init(vod, grant);
            for (int k = 0; k < parts.size(); k++) {
                assertThat(putPart(vod, grant, uploadId, k + 1, parts.get(k)).status())
                        .isEqualTo(200);
            }
            byte[] stray = UploadFlowTest.bytes(4000, 3);
            long before = bytesReceived(vod);
            try (Socket socket = new Socket("127.0.0.1", vod.emulator().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /" + grant.storeUri() + "?partNumber=3&uploadID=" + uploadId + " HTTP/1.1\r\n"
                                + "Host: 127.0.0.1\r\nAuthorization: " + grant.auth() + "\r\nContent-CRC32: "
                                + VodTestClient.crc32(stray) + "\r\nContent-Length: " + stray.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(stray, 0, 1000);
                out.flush();
                await().atMost(Duration.ofSeconds(20)).until(() -> bytesReceived(vod) >= before + 1000);

                assertThat(merge(vod, grant, uploadId, parts).status()).isEqualTo(200);
                out.write(stray, 1000, stray.length - 1000);
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(12), StandardCharsets.ISO_8859_1))
                        .doesNotEndWith("200");
            }

            byte[] whole = concat(parts);
            assertThat(vod.download("sealed.bin").body()).isEqualTo(whole);
            assertThat(files(data.resolve("objects")))
                    .singleElement()
                    .satisfies(object -> assertThat(Files.size(object)).isEqualTo(whole.length));
        }
    }

    /** The Md5 GetMediaList shows for the space's only media. */
    private static String listedMd5(TestEmulator vod) {
        return vod.client()
                .get("GetMediaList", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE))
                .result()
                .path("MediaInfoList")
                .path(0)
                .path("SourceInfo")
                .path("Md5")
                .asText();
    }

    private static Reply merge(TestEmulator vod, Grant grant, String uploadId, List<byte[]> parts) {
        List<String> entries = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            entries.add(k + ":" + VodTestClient.crc32(parts.get(k)));
        }
        return vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "uploadID=" + uploadId,
                        String.join(",", entries).getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Storage-Mode", "gateway"));
    }

    private static long bytesReceived(TestEmulator vod) {
        return vod.client()
                .send("GET", "/_vodkit/stats", Map.of(), new byte[0])
                .json()
                .path("bytes_received")
                .asLong();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.forEach(whole::writeBytes);
        return whole.toByteArray();
    }
}
