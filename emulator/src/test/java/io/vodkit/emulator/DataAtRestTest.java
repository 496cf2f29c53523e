package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.owner.DataDirOwner;
import io.vodkit.emulator.support.TestEmulator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the emulator keeps at rest is its owner's alone: the data folder is mode 700 and every file holding keys
 * (the database with its WAL and shared-memory files, the published owner details) mode 600, also when the folder
 * existed before; a folder other users can write into is refused. Generated keys are kept, and a damaged database
 * is named at start.
 */
class DataAtRestTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDataFolderAndEveryFileHoldingKeysAreTheOwnersAlone() throws IOException {
        Path data = tmp.resolve("data");
        try (TestEmulator vod = TestEmulator.start(data)) {
            vod.upload("one.bin", UploadFlowTest.bytes(100, 1));

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String file : List.of("vodkit.db", "vodkit.db-wal", "vodkit.db-shm", DataDirOwner.INFO_FILE)) {
                assertThat(data.resolve(file)).exists();
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingFolderWithReadableKeysIsNarrowed() throws IOException {
        Path data = tmp.resolve("data");
        try (TestEmulator vod = TestEmulator.start(data)) {
            vod.upload("one.bin", UploadFlowTest.bytes(100, 1));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("vodkit.db", "vodkit.db-wal", "vodkit.db-shm")) {
            if (Files.exists(data.resolve(file))) {
                Files.setPosixFilePermissions(data.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        try (TestEmulator vod = TestEmulator.start(data)) {
            vod.upload("two.bin", UploadFlowTest.bytes(100, 2));

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String file : List.of("vodkit.db", "vodkit.db-wal", "vodkit.db-shm")) {
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aFolderOthersCanWriteIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> TestEmulator.start(data))
                .isInstanceOf(DataDirUnsafeException.class)
                .hasMessageContaining("can be written by other users (rwxrwxrwx)")
                .hasMessageContaining("chmod 700 '" + data + "'");
        assertThat(data.resolve("vodkit.db")).as("nothing was opened").doesNotExist();

        String message = catchMessage(data);
        String command = message.substring(message.indexOf("chmod 700"));
        Process fix = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertThat(fix.waitFor()).isZero();
        try (TestEmulator vod = TestEmulator.start(data)) {
            assertThat(mode(data)).isEqualTo("rwx------");
        }
    }

    @Test
    void generatedKeysAreKeptAcrossRestarts() throws IOException {
        EmulatorConfig config =
                EmulatorConfig.builder(tmp.resolve("data")).port(0).build();
        String accessKey;
        String secretKey;
        try (Emulator first = Emulator.start(config)) {
            accessKey = first.accessKey();
            secretKey = first.secretKey();
        }
        try (Emulator second = Emulator.start(config)) {
            assertThat(second.accessKey()).isEqualTo(accessKey);
            assertThat(second.secretKey()).isEqualTo(secretKey);
            assertThat(second.generatedCredentials()).isTrue();
        }
    }

    @Test
    void aDamagedDatabaseIsNamedAtStartInOneLine() throws IOException {
        Path data = tmp.resolve("data");
        try (TestEmulator vod = TestEmulator.start(data)) {
            for (int i = 0; i < 40; i++) {
                vod.upload("file" + i + ".bin", UploadFlowTest.bytes(100, i));
            }
        }
        Path db = data.resolve("vodkit.db");
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 1; page * 4096 < file.length(); page++) { // keep the header page, spoil the rest
                file.seek(page * 4096 + 8);
                file.write(new byte[512]);
            }
        }

        assertThatThrownBy(() -> TestEmulator.start(data))
                .isInstanceOf(DatabaseDamagedException.class)
                .hasMessageStartingWith("the database " + db + " is damaged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(data.resolve(DataDirOwner.INFO_FILE)).as("it did not start").doesNotExist();
    }

    @Test
    void aFileThatIsNoDatabaseIsNamedToo() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("vodkit.db"), "this is not a database, it is text ".repeat(200));

        assertThatThrownBy(() -> TestEmulator.start(data))
                .isInstanceOf(DatabaseDamagedException.class)
                .hasMessageContaining("vodkit.db is damaged");
    }

    private static String catchMessage(Path data) {
        try (TestEmulator ignored = TestEmulator.start(data)) {
            throw new AssertionError("started");
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
