package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.media.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outputs that background jobs (restorations, workflow runs) make from stored objects: a job reads its source's file,
 * makes a file in the work folder and publishes it in the source's space, never once the source is gone; while it
 * runs, {@link #runs()} knows which source it reads, so that removing the source ({@link #removeSource}) stops it.
 */
public final class SourceOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(SourceOutputs.class);
    private final ObjectStore objectStore;
    private final ObjectPublisher publisher;
    private final MediaInspector inspector;
    private final Ids ids;
    private final Path workDir;
    private final SourceRuns runs = new SourceRuns();

    /** @param workDir where jobs make their files before they are published */
    public SourceOutputs(
            ObjectStore objectStore, ObjectPublisher publisher, MediaInspector inspector, Ids ids, Path workDir) {
        this.objectStore = objectStore;
        this.publisher = publisher;
        this.inspector = inspector;
        this.ids = ids;
        this.workDir = workDir;
    }

    /** The runs reading stored objects now. */
    public SourceRuns runs() {
        return runs;
    }

    /** The object stored at {@code fileName}. */
    public Optional<StoredObject> find(String fileName) {
        return publisher.find(fileName);
    }

    /** Whether {@code source} is still stored: neither removed nor replaced. */
    public boolean holds(StoredObject source) {
        return publisher.holds(source);
    }

    /** The file holding {@code object}'s bytes. */
    public Path file(StoredObject object) {
        return objectStore.path(object.objectId());
    }

    /** What ffprobe reads in {@code object}; empty without ffmpeg or for a file it cannot read. */
    public Optional<ProbeResult> probe(StoredObject object) {
        return inspector.probe(file(object));
    }

    /** Writes one JPEG frame of {@code video} near {@code atSeconds}; false without ffmpeg or when none could be made. */
    public boolean snapshot(StoredObject video, double atSeconds, Path jpegOut) {
        return inspector.snapshot(file(video), atSeconds, jpegOut);
    }

    /** A new empty file in the work folder, named {@code prefix…suffix}, for a job to make its output in. */
    public Path workFile(String prefix, String suffix) throws IOException {
        Files.createDirectories(workDir);
        return Files.createTempFile(workDir, prefix, suffix);
    }

    /** Deletes a work file {@link #workFile} made, if it is still there; a failure is only logged. */
    public void removeWorkFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete work file file={} reason={}", file, e.getMessage());
        }
    }

    /**
     * Publishes {@code made} (a work file, moved into the store) at {@code storeUri} in {@code source}'s space and
     * records it with {@code record}, both while {@code source} cannot be removed; empty, and nothing recorded, when
     * {@code source} is no longer stored.
     */
    public Optional<StoredObject> publish(
            StoredObject source, String storeUri, Path made, String contentType, Consumer<StoredObject> record)
            throws IOException {
        String objectId = ids.objectId();
        return publisher.publishFrom(
                source, storeUri, objectId, objectStore.concatenate(objectId, List.of(made)), contentType, record);
    }

    /**
     * Runs {@code work}, which removes sources with {@link #removeSource}, while no output of the object at
     * {@code fileName} can be published.
     */
    public <T> T whileSourceHeld(String fileName, ObjectPublisher.SourceWork<T> work) throws IOException {
        return publisher.whileSourceHeld(fileName, work);
    }

    /** Removes the object at {@code fileName} with its bytes and stops the runs reading it; empty when none was. */
    public Optional<StoredObject> removeSource(String fileName) throws IOException {
        Optional<StoredObject> removed = publisher.remove(fileName);
        removed.ifPresent(runs::cancel);
        return removed;
    }
}
