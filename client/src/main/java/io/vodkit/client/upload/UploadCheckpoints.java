package io.vodkit.client.upload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.VodException;
import io.vodkit.client.internal.Digests;
import io.vodkit.client.internal.Hex;
import io.vodkit.client.internal.upload.UploadCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where interrupted multipart uploads are remembered: one JSON file per (endpoint, space, file) in a folder of
 * vodkit's own (never next to the media), mode 600 because it holds the upload token, written to a temp file and
 * moved into place. {@link #disabled()} remembers nothing ({@code --no-resume}).
 */
public final class UploadCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCheckpoints.class);
    /** Bytes read at each of the three sample points of the file identity. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private final Path dir;
    private final Consumer<String> notices;
    /** Reads and writes checkpoint files; {@code null} when disabled (building a mapper costs start-up time). */
    private final ObjectMapper mapper;

    private UploadCheckpoints(Path dir, Consumer<String> notices, ObjectMapper mapper) {
        this.dir = dir;
        this.notices = notices;
        this.mapper = mapper;
    }

    /** Checkpoints kept in {@code dir}; {@code notices} hears when an upload resumes or has to start fresh. */
    public static UploadCheckpoints in(Path dir, Consumer<String> notices) {
        return new UploadCheckpoints(
                dir, notices, new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    /** No checkpoints: every upload starts fresh. */
    public static UploadCheckpoints disabled() {
        return new UploadCheckpoints(null, message -> {}, null);
    }

    public boolean enabled() {
        return dir != null;
    }

    void notice(String message) {
        notices.accept(message);
    }

    /** A checkpoint describing {@code media} as inspected, for {@code endpoint}, {@code space} and the plan. */
    UploadCheckpoint describe(LocalMediaFile media, String endpoint, String space, long partSizeBytes) {
        Path file = media.path().toAbsolutePath();
        try {
            return UploadCheckpoint.builder()
                    .file(file.toString(), media.size(), media.modifiedMillis(), sampleHash(file, media.size()))
                    .destination(endpoint, space, partSizeBytes)
                    .build();
        } catch (IOException e) {
            throw new VodException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored checkpoint for the same file, endpoint and space, if any (an unreadable one is dropped). */
    Optional<UploadCheckpoint> load(UploadCheckpoint identity) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path path = pathOf(identity);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(path.toFile(), UploadCheckpoint.class));
        } catch (IOException e) {
            LOG.warn("unreadable upload checkpoint dropped: file={} reason={}", path, e.getMessage());
            delete(identity);
            return Optional.empty();
        }
    }

    synchronized void save(UploadCheckpoint checkpoint) {
        if (!enabled()) {
            return;
        }
        Path path = pathOf(checkpoint);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(
                    dir,
                    "checkpoint",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            mapper.writeValue(temp.toFile(), checkpoint);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn(
                    "upload checkpoint not saved (the upload goes on, but cannot resume): dir={} reason={}",
                    dir,
                    e.getMessage());
        }
    }

    void delete(UploadCheckpoint checkpoint) {
        if (!enabled()) {
            return;
        }
        try {
            Files.deleteIfExists(pathOf(checkpoint));
        } catch (IOException e) {
            LOG.warn("upload checkpoint not deleted: dir={} reason={}", dir, e.getMessage());
        }
    }

    private Path pathOf(UploadCheckpoint checkpoint) {
        String key = checkpoint.endpoint() + "\n" + checkpoint.spaceName() + "\n" + checkpoint.file();
        return dir.resolve(Digests.sha256Hex(key.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    /** SHA-256 over the size and {@value #SAMPLE_BYTES} bytes at the start, middle and end of the file. */
    private static String sampleHash(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        digest.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long offset :
                    new long[] {0, Math.max(0, size / 2 - SAMPLE_BYTES / 2), Math.max(0, size - SAMPLE_BYTES)}) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                    // fill the sample
                }
                buffer.flip();
                digest.update(buffer);
            }
        }
        return Hex.encode(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
