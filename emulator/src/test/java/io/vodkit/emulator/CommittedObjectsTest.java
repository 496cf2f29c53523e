package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Committed objects are immutable: after CommitUploadInfo the upload's Auth token has ended, and every gateway step
 * (direct PUT, init, part, merge, part listing) on the committed StoreUri is refused in the gateway's §6.2 error
 * form; the Vid keeps its bytes. Requests are plain HTTP reusing the Auth the upload was given.
 */
class CommittedObjectsTest extends EmulatorTestBase {

    @Test
    void everyGatewayStepOnACommittedStoreUriIsRefusedAndTheBytesStay() {
        byte[] original = bytes(5_000, 1);
        Grant grant = vod.upload("keep/me.bin", original);
        // a multipart upload opened with the same token before the commit
        Reply init = put(grant, "uploads", new byte[0], Map.of("X-Storage-Mode", "gateway"));
        assertThat(init.status()).as(init.text()).isEqualTo(200);
        String uploadId = init.json().path("payload").path("uploadID").asText();
        String vid = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                .result()
                .path("Data")
                .path("Vid")
                .asText();
        byte[] other = bytes(5_000, 2);

        assertCommitted(vod.directPut(grant, other), grant, vid);
        assertCommitted(put(grant, "uploads", new byte[0], Map.of("X-Storage-Mode", "gateway")), grant, vid);
        assertCommitted(
                put(
                        grant,
                        "partNumber=1&uploadID=" + uploadId,
                        other,
                        Map.of("Content-CRC32", VodTestClient.crc32(other), "X-Storage-Mode", "gateway")),
                grant,
                vid);
        assertCommitted(
                put(
                        grant,
                        "uploadID=" + uploadId,
                        "0:00000000".getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Storage-Mode", "gateway")),
                grant,
                vid);
        assertCommitted(
                vod.client()
                        .send(
                                "GET",
                                "/" + grant.storeUri() + "?uploadID=" + uploadId,
                                Map.of("Authorization", grant.auth()),
                                new byte[0]),
                grant,
                vid);

        assertThat(vod.download(grant.fileName()).body()).isEqualTo(original);
        assertThat(vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                        .result()
                        .path("Data")
                        .path("SourceInfo")
                        .path("Size")
                        .asLong())
                .isEqualTo(original.length);
    }

    @Test
    void aNewUploadCannotTakeTheFileNameOfACommittedVid() {
        Grant grant = vod.upload("taken.bin", bytes(100, 3));
        String vid = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                .result()
                .path("Data")
                .path("Vid")
                .asText();

        Reply reply = vod.client()
                .get("ApplyUploadInfo", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE, "FileName", "taken.bin"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().path("Message").asText())
                .isEqualTo("The FileName taken.bin holds the committed " + "media " + vid
                        + ", which cannot be overwritten; choose another FileName.");
    }

    @Test
    void anUncommittedObjectCanStillBeReplaced() {
        Grant grant = vod.upload("draft.bin", bytes(100, 4));

        Reply again = vod.directPut(grant, bytes(200, 5));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(vod.download("draft.bin").body()).isEqualTo(bytes(200, 5));
    }

    private Reply put(Grant grant, String query, byte[] body, Map<String, String> headers) {
        return vod.client().gatewayPut(grant.storeUri(), grant.auth(), query, body, headers);
    }

    private static void assertCommitted(Reply reply, Grant grant, String vid) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        JsonNode body = reply.json();
        assertThat(body.path("success").asInt()).isNotZero();
        assertThat(body.path("error").path("error").asText()).isEqualTo("UploadCommitted");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(403);
        assertThat(body.path("error").path("message").asText())
                .isEqualTo(grant.storeUri() + " is committed as " + "media " + vid
                        + ": committed objects cannot be changed and their upload tokens have ended");
        assertThat(reply.headers().firstValue("X-Tt-Logid")).isPresent();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
