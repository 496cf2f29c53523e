package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What keeps an emulator on a shared machine safe: where it listens, which paths it serves, how much it reads. */
class SecurityLimitsTest extends EmulatorTestBase {
    @Test
    void listensOnLoopbackOnlyByDefault() throws IOException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(
                                new InetSocketAddress(
                                        external.get(), vod.emulator().port()),
                                2000);
                    }
                })
                .isInstanceOf(ConnectException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%2e%2e/%2e%2e/etc/passwd",
                "/tos-vod-local-demo/%2E%2E/other.bin",
                "/a/%2F..%2Fb",
                "/a%5c..%5cb",
                "/a/./b",
                "/a//b",
                "/a/%00b"
            })
    void pathsThatStepOutOrHideSeparatorsAreRefusedForDownloadAndUpload(String rawPath) throws IOException {
        Files.writeString(dataDir.resolve("outside.txt"), "not an object");
        Grant grant = vod.upload("a/b", UploadFlowTest.bytes(10, 1));

        Reply download = vod.client().send("GET", rawPath + "?auth_key=" + vod.authKey("a/b"), Map.of(), new byte[0]);
        Reply upload = vod.client().send("PUT", rawPath, Map.of("Authorization", grant.auth()), new byte[] {1});

        assertThat(download.status()).as(download.text()).isIn(400, 403, 404);
        assertThat(upload.status()).as(upload.text()).isIn(400, 403);
        assertThat(download.text()).doesNotContain("not an object");
    }

    @Test
    void anOpenApiBodyOverEightMebibytesIsRefused() {
        Reply reply =
                vod.client().postJson("StartExecution", "2025-07-01", "{\"pad\":\"" + "x".repeat(9 << 20) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().path("Code").asText()).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void anUploadDeclaringMoreThanFiveGibibytesIsRefusedBeforeItsBodyIsRead() throws IOException {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "huge.bin"));
        try (Socket socket = new Socket("127.0.0.1", vod.emulator().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /" + grant.storeUri() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + grant.auth()
                            + "\r\nContent-CRC32: 00000000\r\nContent-Length: " + (6L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);

            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aMergeBodyOverOneMebibyteIsRefused() {
        Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "merge.bin"));
        String uploadId = vod.client()
                .gatewayPut(grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of())
                .json()
                .path("payload")
                .path("uploadID")
                .asText();

        Reply reply = vod.client()
                .gatewayPut(grant.storeUri(), grant.auth(), "uploadID=" + uploadId, new byte[(1 << 20) + 1], Map.of());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains("larger than 1048576 bytes");
    }
}
