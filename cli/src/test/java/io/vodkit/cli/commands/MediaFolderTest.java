package io.vodkit.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFolderTest {
    @TempDir
    Path root;

    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void tree() throws Exception {
        file("b.mp4");
        file("a.M4A");
        file("readme.txt");
        file(".hidden.mp4");
        file("._b.mp4");
        file("sub/c.mkv");
        file("sub/deeper/d.mp3");
        file(".cache/e.mp4");
    }

    private Path file(String name) throws Exception {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, new byte[] {1});
    }

    private List<String> scan(boolean recursive) {
        return MediaFolder.scan(root, recursive, notices::add).stream()
                .map(p -> root.relativize(p).toString())
                .toList();
    }

    @Test
    void withoutRecursionOnlyTheFolderItselfIsLookedAt() {
        assertThat(scan(false)).containsExactly("a.M4A", "b.mp4");
        assertThat(notices).isEmpty();
    }

    @Test
    void recursionFindsEverySubfolderButHiddenOnesInPathOrder() {
        assertThat(scan(true)).containsExactly("a.M4A", "b.mp4", "sub/c.mkv", "sub/deeper/d.mp3");
    }

    @Test
    void linksAreFollowedAndALoopIsSkippedWithANotice() throws Exception {
        Files.createSymbolicLink(root.resolve("sub/deeper/back"), root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("linked.wav"), root.resolve("sub/c.mkv"));
        Files.createSymbolicLink(root.resolve("broken.mov"), root.resolve("nowhere.mov"));

        assertThat(scan(true)).containsExactly("a.M4A", "b.mp4", "linked.wav", "sub/c.mkv", "sub/deeper/d.mp3");
        assertThat(notices)
                .anySatisfy(n -> assertThat(n).contains("back").contains("symbolic link loop"))
                .anySatisfy(n -> assertThat(n).contains("broken.mov").contains("not a regular file"));
    }

    @Test
    void aFolderWithoutMediaSaysWhatItSkippedAndThatRLooksDeeper() throws Exception {
        Path plain = Files.createDirectories(root.resolve("sub/deeper"));
        Files.delete(plain.resolve("d.mp3"));
        Files.write(plain.resolve("x.txt"), new byte[] {1});
        Files.createDirectories(plain.resolve("inner"));

        assertThatThrownBy(() -> MediaFolder.scan(plain, false, notices::add))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("no media file in the folder " + plain)
                .hasMessageContaining("1 other file skipped; -r also looks in its 1 subfolder")
                .hasMessageContaining(".mp4");
    }

    @Test
    void anEmptyFolderIsNamed() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));

        assertThatThrownBy(() -> MediaFolder.scan(empty, true, notices::add))
                .isInstanceOf(CliException.class)
                .hasMessage("the folder " + empty + " is empty: no media file to upload");
    }
}
