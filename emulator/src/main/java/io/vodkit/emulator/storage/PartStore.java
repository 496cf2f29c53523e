package io.vodkit.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staging of multipart parts: {@code <root>/<uploadId>/<partNumber>.part}. A re-sent part replaces the old one
 * atomically, so parts may arrive in any order and concurrently.
 */
public final class PartStore {
    private static final Logger LOG = LoggerFactory.getLogger(PartStore.class);

    private final Path root;
    private final Disk disk;

    public PartStore(Path root, Disk disk) throws IOException {
        this.root = Files.createDirectories(root);
        this.disk = disk;
    }

    public Path path(String uploadId, int partNumber) {
        return uploadDir(uploadId).resolve(partNumber + ".part");
    }

    /** Stages a part with its CRC and size; no MD5 (only the merged object's MD5 is ever asked for). */
    public StagedFile receive(String uploadId, int partNumber, InputStream body, long maxBytes) throws IOException {
        return AtomicFiles.receive(disk, body, path(uploadId, partNumber), maxBytes, false);
    }

    /** Removes the upload's staging directory and everything in it. */
    public void deleteUpload(String uploadId) throws IOException {
        deleteTree(uploadDir(uploadId));
    }

    /** Deletes staging directories (and stray files) that belong to no upload on record. */
    public void sweep(Set<String> liveUploadIds) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!liveUploadIds.contains(entry.getFileName().toString())) {
                    LOG.info("Removing staging data of unknown upload path={}", entry);
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Path uploadDir(String uploadId) {
        if (uploadId.isEmpty() || !uploadId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            throw new IllegalArgumentException("invalid upload id: " + uploadId);
        }
        return root.resolve(uploadId);
    }
}
