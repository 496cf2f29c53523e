package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

// alone: a test checks that nothing listens on a port it freed, which another class's server could take
@Isolated
class EmulatorLifecycleTest {
    @TempDir
    Path dataDir;

    @Test
    void generatesCredentialsForTheRunWhenNoneAreConfigured() throws IOException {
        EmulatorConfig config =
                EmulatorConfig.builder(dataDir).port(0).spaces(List.of("demo")).build();
        try (Emulator emulator = Emulator.start(config)) {
            assertThat(emulator.generatedCredentials()).isTrue();
            assertThat(emulator.accessKey()).matches("AKLT[A-Za-z0-9]{32}");
            assertThat(emulator.secretKey()).matches("[A-Za-z0-9_-]{40}");
            assertThat(emulator.region()).isEqualTo("ap-singapore-1");
            assertThat(emulator.endpoint().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
            VodTestClient client = new VodTestClient(
                    emulator.endpoint(),
                    emulator.accessKey(),
                    emulator.secretKey(),
                    "ap-southeast-1",
                    Clock.systemUTC());
            assertThat(client.get("ListDomain", "2023-01-01", Map.of("SpaceName", "demo"))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void configuredUploadHostsAreHandedOutInOrder() throws IOException {
        EmulatorConfig config =
                TestEmulator.config(dataDir).newBuilder().host("0.0.0.0").build();
        int port;
        try (Emulator probe = Emulator.start(config)) {
            port = probe.port();
        }
        List<String> hosts = List.of("127.0.0.1:1", "127.0.0.1:" + port);
        try (TestEmulator vod = TestEmulator.start(
                config.newBuilder().port(port).uploadHosts(hosts).build(), Clock.systemUTC())) {
            assertThat(vod.emulator().endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(vod.apply(TestEmulator.SPACE, Map.of()).uploadHosts()).isEqualTo(hosts);
        }
    }

    @Test
    void startupRemovesWhatACrashLeftBehind() throws IOException {
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload("kept.bin", UploadFlowTest.bytes(10, 1));
        }
        Path tempFile = Files.createDirectories(dataDir.resolve("objects/ab")).resolve(".abc.123.tmp");
        Files.writeString(tempFile, "partial");
        Path orphan = Files.writeString(dataDir.resolve("objects/ab/abcdef"), "unreferenced");
        Path staging = Files.createDirectories(dataDir.resolve("multipart/ffff0000"));
        Files.writeString(staging.resolve("1.part"), "part");
        Path stray = Files.writeString(dataDir.resolve("multipart/.DS_Store"), "stray");
        Path work = Files.createDirectories(dataDir.resolve("work")).resolve("v0x.jpg");
        Files.writeString(work, "jpeg");

        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            assertThat(tempFile).doesNotExist();
            assertThat(orphan).doesNotExist();
            assertThat(staging).doesNotExist();
            assertThat(stray).doesNotExist();
            assertThat(work).doesNotExist();
            assertThat(vod.download("kept.bin").body()).isEqualTo(UploadFlowTest.bytes(10, 1));
        }
    }

    @Test
    void closeStopsListeningAndIsIdempotent() throws IOException {
        Emulator emulator = Emulator.start(TestEmulator.config(dataDir));
        int port = emulator.port();

        emulator.close();
        emulator.close();

        assertThat(connects(port)).isFalse();
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
