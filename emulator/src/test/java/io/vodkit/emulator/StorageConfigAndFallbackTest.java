package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GetStorageConfig (spec §10.5, media-management A11) and ApplyUploadInfo's {@code CandidateUploadAddresses} with
 * {@code NeedFallback} (spec §5.2, §5.3), used the way the official skill uses them.
 */
class StorageConfigAndFallbackTest extends EmulatorTestBase {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01", "2023-07-01"})
    void theSkillsWildUrlFromGetStorageConfigDownloadsTheFile(String version) throws Exception {
        byte[] data = bytes(3_000, 1);
        vod.upload("wild/clip.mp4", data);

        JsonNode config = vod.client()
                .get("GetStorageConfig", version, Map.of("SpaceName", TestEmulator.SPACE))
                .result();

        assertThat(config.path("StorageType").asText()).isEqualTo("volc");
        assertThat(config.path("StorageHost").asText())
                .isEqualTo(vod.emulator().endpoint().toString());
        JsonNode auth = config.path("StorageUrlAuthConfig");
        assertThat(auth.path("Type").asText()).isEqualTo("cdn_typea");
        assertThat(auth.path("Status").asText()).isEqualTo("enable");
        JsonNode typeA = auth.path("TypeAConfig");
        assertThat(typeA.path("MasterKey").asText()).isEqualTo(vod.masterKey());
        assertThat(typeA.path("BackupKey").asText()).isNotEmpty();
        assertThat(typeA.path("ExpireTime").asLong()).isPositive();
        // S9 _gen_wild_url: StorageHost + "/" + FileName + "?" + SignatureArgs + "=" + token + "&preview=1"
        String token = VodTestClient.typeA(
                "wild/clip.mp4",
                Instant.now().getEpochSecond(),
                "0123456789abcdef",
                typeA.path("MasterKey").asText());
        HttpResponse<byte[]> download = get(config.path("StorageHost").asText() + "/wild/clip.mp4?"
                + typeA.path("SignatureArgs").asText() + "=" + token + "&preview=1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(data);
    }

    @Test
    void getStorageConfigOfAnUnknownSpaceIsNotFound() {
        VodTestClient.Reply reply = vod.client().get("GetStorageConfig", "2023-07-01", Map.of("SpaceName", "nope"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().path("Code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void withoutNeedFallbackThereAreNoCandidates() {
        JsonNode data = vod.client()
                .get("ApplyUploadInfo", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE, "FileExtension", ".bin"))
                .result()
                .path("Data");

        assertThat(data.has("CandidateUploadAddresses")).isFalse();
    }

    @Test
    void everyCandidateAddressIsAWorkingRouteToTheSameUpload() throws Exception {
        JsonNode data = vod.client()
                .get(
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", TestEmulator.SPACE, "FileName", "fallback.bin", "NeedFallback", "True"))
                .result()
                .path("Data");
        JsonNode candidates = data.path("CandidateUploadAddresses");
        List<String> firstHosts = new ArrayList<>();
        int round = 0;
        String sessionKey = null;
        for (String kind : List.of("Main", "Backup", "Fallback")) {
            JsonNode address = candidates.path(kind + "UploadAddresses").get(0);
            assertThat(address).as(kind).isNotNull();
            JsonNode store = address.path("StoreInfos").get(0);
            sessionKey = address.path("SessionKey").asText();
            String host = address.path("UploadHosts").get(0).asText();
            firstHosts.add(host);
            byte[] body = bytes(1_000, ++round);

            HttpResponse<byte[]> put = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + "/"
                                    + store.path("StoreUri").asText()))
                            .header("Authorization", store.path("Auth").asText())
                            .header("Content-CRC32", VodTestClient.crc32(body))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(put.statusCode()).as(kind + " via " + host).isEqualTo(200);
        }
        assertThat(firstHosts)
                .contains(
                        "127.0.0.1:" + vod.emulator().port(),
                        "localhost:" + vod.emulator().port());
        JsonNode committed =
                vod.commit(TestEmulator.SPACE, sessionKey, null).result().path("Data");
        assertThat(committed.path("SourceInfo").path("FileName").asText()).isEqualTo("fallback.bin");
        assertThat(vod.download("fallback.bin").body()).isEqualTo(bytes(1_000, 3));
        assertThat(data.path("UploadAddress").path("UploadHosts")).hasSize(1);
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
