package io.vodkit.client.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.client.internal.upload.PartReceipt;
import io.vodkit.client.internal.upload.UploadCheckpoint;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckpointsTest {
    @TempDir
    Path tmp;

    private final List<String> notices = new ArrayList<>();

    private Path media(long size) throws Exception {
        Path file = tmp.resolve("movie.mp4");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    @Test
    void savesOwnerOnlyAndLoadsBackWithParts() throws Exception {
        UploadCheckpoints checkpoints = UploadCheckpoints.in(tmp.resolve("cp"), notices::add);
        Path file = media(50L << 20);
        UploadCheckpoint identity = checkpoints.describe(LocalMediaFile.inspect(file), "http://e", "space", 20L << 20);
        UploadCheckpoint started = identity.started(
                        "bucket/a.mp4", "SpaceKey/secret-token", List.of("h:1"), "sess", "up-1")
                .withPart(new PartReceipt(1, "0d4a1185", "video/mp4"));

        checkpoints.save(started);

        Path saved;
        try (var files = Files.list(tmp.resolve("cp"))) {
            saved = files.findFirst().orElseThrow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                .isEqualTo("rw-------");
        UploadCheckpoint loaded = checkpoints.load(identity).orElseThrow();
        assertThat(loaded).isEqualTo(started);
        assertThat(loaded.partCrcs()).isEqualTo(Map.of(1, "0d4a1185"));
        assertThat(loaded.objectContentType()).isEqualTo("video/mp4");
        assertThat(loaded.matches(identity)).isTrue();
        assertThat(loaded.toString()).doesNotContain("secret-token");

        checkpoints.delete(identity);
        assertThat(checkpoints.load(identity)).isEmpty();
    }

    @Test
    void aChangedFileOrOtherPlanDoesNotMatch() throws Exception {
        UploadCheckpoints checkpoints = UploadCheckpoints.in(tmp.resolve("cp"), notices::add);
        Path file = media(50L << 20);
        UploadCheckpoint before = checkpoints.describe(LocalMediaFile.inspect(file), "http://e", "space", 20L << 20);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(25L << 20);
            raf.write(7);
        }

        UploadCheckpoint after = checkpoints.describe(LocalMediaFile.inspect(file), "http://e", "space", 20L << 20);

        assertThat(before.sampleSha256())
                .as("the middle sample sees the change")
                .isNotEqualTo(after.sampleSha256());
        assertThat(before.matches(after)).isFalse();
        assertThat(before.matches(checkpoints.describe(LocalMediaFile.inspect(file), "http://e", "space", 40L << 20)))
                .isFalse();
    }

    @Test
    void disabledRemembersNothing() throws Exception {
        UploadCheckpoints disabled = UploadCheckpoints.disabled();
        UploadCheckpoint identity = UploadCheckpoints.in(tmp, notices::add)
                .describe(LocalMediaFile.inspect(media(1000)), "http://e", "s", 20L << 20);

        disabled.save(identity);

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.load(identity)).isEmpty();
    }
}
