package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.emulator.internal.owner.DataDirOwner;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One emulator per data folder: the lock, what the owner publishes, and what a dead owner left behind. */
class DataDirOwnershipTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aSecondEmulatorOnTheFolderIsRefusedWithWhatTheOwnerPublished() throws Exception {
        Path data = tmp.resolve("data");
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), Files.createDirectories(data));
        try (Emulator first = Emulator.start(TestEmulator.config(data), Lifetime.BACKGROUND)) {
            for (Path folder : new Path[] {data, alias}) {
                assertThatThrownBy(() -> Emulator.start(TestEmulator.config(folder)))
                        .isInstanceOfSatisfying(DataDirOwnedException.class, owned -> {
                            assertThat(owned.dataDir()).isEqualTo(folder);
                            assertThat(owned.owner())
                                    .contains(new OwnerInfo(
                                            first.endpoint(),
                                            first.region(),
                                            TestEmulator.ACCESS_KEY,
                                            TestEmulator.SECRET_KEY,
                                            ProcessHandle.current().pid(),
                                            Lifetime.BACKGROUND,
                                            null,
                                            first.consoleUrl()));
                            assertThat(owned.getMessage())
                                    .contains(folder.toString())
                                    .contains("pid " + ProcessHandle.current().pid())
                                    .contains(first.endpoint().toString())
                                    .contains("background")
                                    .doesNotContain(TestEmulator.SECRET_KEY);
                        });
            }
            VodTestClient client = new VodTestClient(
                    first.endpoint(),
                    TestEmulator.ACCESS_KEY,
                    TestEmulator.SECRET_KEY,
                    first.region(),
                    Clock.systemUTC());
            assertThat(client.get("ListDomain", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE))
                            .status())
                    .as("the owner still serves")
                    .isEqualTo(200);
        }
        try (Emulator next = Emulator.start(TestEmulator.config(data))) {
            assertThat(published(data).get("lifetime").asText()).isEqualTo("LONG_LIVED");
        }
    }

    @Test
    void othersCanTellWhetherAFolderIsInUseAndHowToReachItsEmulatorWithoutDisturbingIt() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(DataDirOwner.inUse(data)).as("no folder yet").isFalse();
        try (DataDirOwner starting = DataDirOwner.acquire(Files.createDirectories(data))) {
            assertThat(DataDirOwner.inUse(data))
                    .as("owned, nothing published yet")
                    .isTrue();
            assertThat(DataDirOwner.published(data)).isEmpty();
        }
        assertThat(DataDirOwner.inUse(data)).isFalse();
        try (Emulator emulator = Emulator.start(TestEmulator.config(data), Lifetime.BACKGROUND)) {
            assertThat(DataDirOwner.inUse(data)).isTrue();
            assertThat(DataDirOwner.published(data)).map(OwnerInfo::endpoint).contains(emulator.endpoint());
            assertThat(DataDirOwner.inUse(data))
                    .as("asking twice does not release the owner's lock")
                    .isTrue();
        }
        assertThat(DataDirOwner.inUse(data)).isFalse();
        assertThat(DataDirOwner.published(data)).isEmpty();
    }

    @Test
    void publishesHowToReachItForItsUserOnlyAndWithdrawsItAtClose() throws Exception {
        Path data = tmp.resolve("data");
        Path info = data.resolve(DataDirOwner.INFO_FILE);
        try (Emulator emulator = Emulator.start(TestEmulator.config(data))) {
            JsonNode published = published(data);
            assertThat(published.get("endpoint").asText())
                    .isEqualTo(emulator.endpoint().toString());
            assertThat(published.get("region").asText()).isEqualTo(emulator.region());
            assertThat(published.get("access_key").asText()).isEqualTo(TestEmulator.ACCESS_KEY);
            assertThat(published.get("secret_key").asText()).isEqualTo(TestEmulator.SECRET_KEY);
            assertThat(published.get("pid").asLong())
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(published.get("lifetime").asText()).isEqualTo("LONG_LIVED");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(info)))
                    .isEqualTo("rw-------");
        }
        assertThat(info).doesNotExist();
        assertThat(data.resolve(DataDirOwner.LOCK_FILE)).exists();
    }

    @Test
    void whatAnOwnerThatDiedLeftBehindIsReplaced() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeInfo(data, deadPid());
        Path staleTemp = Files.writeString(data.resolve("." + DataDirOwner.INFO_FILE + ".123.tmp"), "{");

        try (Emulator emulator = Emulator.start(TestEmulator.config(data))) {
            assertThat(published(data).get("pid").asLong())
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(published(data).get("endpoint").asText())
                    .isEqualTo(emulator.endpoint().toString());
            assertThat(staleTemp).doesNotExist();
        }
    }

    @Test
    void whileAnotherProcessHoldsTheLockItsLiveInfoIsReportedAndStaleInfoIsNot() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Process holder = holdLock(data.resolve(DataDirOwner.LOCK_FILE));
        try {
            writeInfo(data, deadPid());
            assertThatThrownBy(() -> Emulator.start(TestEmulator.config(data)))
                    .isInstanceOfSatisfying(DataDirOwnedException.class, owned -> {
                        assertThat(owned.owner())
                                .as("a dead process's info is not trusted")
                                .isEmpty();
                        assertThat(owned.getMessage()).contains("address not published yet");
                    });

            OwnerInfo live = writeInfo(data, holder.pid());
            assertThatThrownBy(() -> Emulator.start(TestEmulator.config(data)))
                    .isInstanceOfSatisfying(
                            DataDirOwnedException.class,
                            owned -> assertThat(owned.owner()).contains(live));
            assertThat(data.resolve(Emulator.DATABASE_FILE))
                    .as("refused before opening the database")
                    .doesNotExist();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Emulator emulator = Emulator.start(TestEmulator.config(data))) {
            assertThat(published(data).get("pid").asLong())
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    private static JsonNode published(Path data) throws IOException {
        return JSON.readTree(data.resolve(DataDirOwner.INFO_FILE).toFile());
    }

    private static OwnerInfo writeInfo(Path data, long pid) throws IOException {
        OwnerInfo info = new OwnerInfo(
                URI.create("http://127.0.0.1:1"), "ap-singapore-1", "AKOLD", "old-secret", pid, Lifetime.LONG_LIVED);
        Files.write(
                data.resolve(DataDirOwner.INFO_FILE),
                JSON.writeValueAsBytes(Map.of(
                        "endpoint",
                        info.endpoint().toString(),
                        "region",
                        info.region(),
                        "access_key",
                        info.accessKey(),
                        "secret_key",
                        info.secretKey(),
                        "pid",
                        pid,
                        "lifetime",
                        info.lifetime().name())));
        return info;
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder(javaBin(), "-version")
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    /** Another JVM holding the lock on {@code lockFile}; returns once it holds it. */
    private Process holdLock(Path lockFile) throws Exception {
        Path source = Files.writeString(tmp.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        System.out.println(channel.tryLock() != null ? "locked" : "busy");
                        Thread.sleep(120_000);
                    }
                }
                """);
        Process process = new ProcessBuilder(javaBin(), source.toString(), lockFile.toString()).start();
        String line =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).isEqualTo("locked");
        return process;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void ownershipIsTakenBeforeAnythingElseAndGivenBackWhenStartFails() throws Exception {
        Path data = tmp.resolve("data");
        try (Emulator first = Emulator.start(TestEmulator.config(data))) {
            assertThatThrownBy(() -> Emulator.start(TestEmulator.config(data)
                            .newBuilder()
                            .port(first.port())
                            .build()))
                    .isInstanceOf(DataDirOwnedException.class);
        }
        try (Emulator blocker = Emulator.start(TestEmulator.config(tmp.resolve("other")))) {
            assertThatThrownBy(() -> Emulator.start(TestEmulator.config(data)
                            .newBuilder()
                            .port(blocker.port())
                            .build()))
                    .isInstanceOf(BindException.class);
        }
        try (Emulator emulator = Emulator.start(TestEmulator.config(data))) {
            assertThat(published(data).get("endpoint").asText())
                    .isEqualTo(emulator.endpoint().toString());
        }
    }
}
