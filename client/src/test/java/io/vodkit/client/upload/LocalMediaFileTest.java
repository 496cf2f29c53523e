package io.vodkit.client.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalMediaFileTest {

    @TempDir
    Path dir;

    @Test
    void acceptsANonEmptyFileWithAnExtension() throws IOException {
        Path file = Files.write(dir.resolve("clip.final.mp4"), new byte[] {1, 2, 3});

        LocalMediaFile media = LocalMediaFile.inspect(file);

        assertThat(media.size()).isEqualTo(3);
        assertThat(media.extension()).isEqualTo(".mp4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing.mp4|absent|File not found",
                "folder.mp4|directory|Is a directory",
                "empty.mp4|empty|File is empty",
                "noextension|content|has no extension",
                "trailingdot.|content|has no extension",
                ".hidden|content|has no extension",
                "clip.verylongext|content|longer than 8 characters",
            })
    void refusesBadFilesWithAClearMessage(String name, String kind, String message) throws IOException {
        Path file = dir.resolve(name);
        switch (kind) {
            case "directory" -> Files.createDirectory(file);
            case "empty" -> Files.createFile(file);
            case "content" -> Files.write(file, new byte[] {1});
            default -> {}
        }

        assertThatThrownBy(() -> LocalMediaFile.inspect(file))
                .isExactlyInstanceOf(VodException.class)
                .hasMessageContaining(message)
                .hasMessageContaining(name);
    }
}
