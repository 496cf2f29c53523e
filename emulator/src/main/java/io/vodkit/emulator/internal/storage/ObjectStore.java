package io.vodkit.emulator.internal.storage;

import io.vodkit.emulator.Disk;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object bytes on disk, named by generated id ({@code <root>/<first two chars>/<id>}), never by the user's key.
 * Writes are staged beside the final file and published by atomic move.
 */
public final class ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

    private final Path root;
    private final Disk disk;
    private final DirectBuffers buffers = new DirectBuffers();

    public ObjectStore(Path root, Disk disk) throws IOException {
        this.root = Files.createDirectories(root);
        this.disk = disk;
    }

    public Path path(String objectId) {
        if (objectId.length() < 3 || !objectId.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("invalid object id: " + objectId);
        }
        return root.resolve(objectId.substring(0, 2)).resolve(objectId);
    }

    /** Streams a request body into a staged object, failing with {@link BodyTooLargeException} past the limit. */
    public StagedFile receive(String objectId, ReadableByteChannel body, long maxBytes) throws IOException {
        return buffers.with(buffer -> AtomicFiles.receive(disk, body, path(objectId), maxBytes, true, buffer));
    }

    /** Stages the concatenation of {@code sources} (multipart parts, or one generated file) as an object. */
    public StagedFile concatenate(String objectId, List<Path> sources) throws IOException {
        List<FileRegion> regions = new ArrayList<>();
        for (Path source : sources) {
            regions.add(FileRegion.whole(source));
        }
        return AtomicFiles.concatenate(disk, regions, path(objectId));
    }

    /** The MD5 of a stored object, read from disk (the one checksum pass every staged file goes through). */
    public String md5(String objectId) throws IOException {
        return AtomicFiles.checksums(List.of(FileRegion.whole(path(objectId)))).md5();
    }

    public void delete(String objectId) throws IOException {
        Files.deleteIfExists(path(objectId));
    }

    /** Deletes temp files and files whose id is not in {@code liveIds} (left by a crash between write and commit). */
    public void sweep(Set<String> liveIds) throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (AtomicFiles.isTemp(file)
                        || !liveIds.contains(file.getFileName().toString())) {
                    LOG.info("Removing unreferenced object file file={}", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
