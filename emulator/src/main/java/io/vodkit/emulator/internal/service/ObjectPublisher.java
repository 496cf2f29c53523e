package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.StagedFile;
import io.vodkit.emulator.internal.storage.StripedLocks;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a staged object visible under its FileName: checks the FileName is not another space's, moves the bytes
 * into place, records the object and removes the bytes of the object it replaces. One FileName at a time.
 * Committed objects are immutable: nothing is published over a StoreUri whose upload was committed as a Vid.
 *
 * <p>Outputs made from an object (restorations, workflow runs) are published with {@link #publishFrom}, and objects
 * that outputs may be made from are removed with {@link #whileSourceHeld}: an output is either recorded before its
 * source goes, so the delete finds and removes it with its media, or never stored. No orphaned bytes.
 */
public final class ObjectPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectPublisher.class);

    private final ObjectRepository objects;
    private final ObjectStore store;
    private final Clock clock;
    private final UploadSessionRepository sessions;
    private final StripedLocks locks = new StripedLocks(64);
    /** Held by a source's removal and by the publishing of an output made from it; always taken before locks. */
    private final StripedLocks sourceLocks = new StripedLocks(64);

    /** Work done while no output of a source can be published. */
    @FunctionalInterface
    public interface SourceWork<T> {
        T run() throws IOException;
    }

    public ObjectPublisher(ObjectRepository objects, ObjectStore store, Clock clock, UploadSessionRepository sessions) {
        this.objects = objects;
        this.store = store;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * Refuses any change to a committed object: its upload token has ended.
     *
     * @throws io.vodkit.emulator.internal.api.GatewayException UPLOAD_COMMITTED
     */
    public void requireUncommitted(String storeUri) {
        sessions.committedVidOf(storeUri).ifPresent(vid -> {
            throw GatewayError.UPLOAD_COMMITTED.exception(storeUri, vid);
        });
    }

    /** Runs {@code work} while no object can be published at {@code storeUri} (a commit claims its session so). */
    public <T> T whileLocked(String storeUri, Supplier<T> work) {
        Lock lock = locks.lockFor(Spaces.fileNameOf(storeUri));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Fails early (before any bytes are read) when the FileName belongs to another space or is committed. */
    public void checkOwner(String spaceName, String storeUri) {
        requireUncommitted(storeUri);
        String fileName = Spaces.fileNameOf(storeUri);
        objects.findByFileName(fileName)
                .filter(existing -> !existing.spaceName().equals(spaceName))
                .ifPresent(existing -> {
                    throw GatewayError.OBJECT_IN_USE.exception(fileName, existing.spaceName());
                });
    }

    /**
     * Publishes {@code staged} (whose target is the path of {@code objectId}) as the object at {@code storeUri}.
     * The staged file is discarded if publishing fails.
     */
    public StoredObject publish(
            String spaceName, String storeUri, String objectId, StagedFile staged, String contentType)
            throws IOException {
        String fileName = Spaces.fileNameOf(storeUri);
        Lock lock = locks.lockFor(fileName);
        lock.lock();
        try {
            requireUncommitted(storeUri);
            Optional<StoredObject> replaced = objects.findByFileName(fileName);
            if (replaced.isPresent() && !replaced.get().spaceName().equals(spaceName)) {
                throw GatewayError.OBJECT_IN_USE.exception(
                        fileName, replaced.get().spaceName());
            }
            staged.publish();
            StoredObject object = new StoredObject(
                    fileName,
                    spaceName,
                    storeUri,
                    objectId,
                    staged.checksums().size(),
                    staged.checksums().crc32(),
                    staged.checksums().md5(),
                    contentType,
                    clock.instant());
            objects.put(object);
            if (replaced.isPresent()) {
                store.delete(replaced.get().objectId());
            }
            LOG.info(
                    "Stored object storeUri={} size={} crc32={} objectId={}",
                    storeUri,
                    object.size(),
                    object.crc32(),
                    objectId);
            return object;
        } catch (IOException | RuntimeException e) {
            staged.discard();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code object} is still stored: neither removed nor replaced at its FileName. */
    public boolean holds(StoredObject object) {
        return objects.findByFileName(object.fileName())
                .filter(stored -> stored.objectId().equals(object.objectId()))
                .isPresent();
    }

    /**
     * Publishes an output made from {@code source} into its space and records it with {@code record}, both while
     * {@code source} cannot be removed (an output that cannot be recorded is removed again). When {@code source} is
     * no longer stored, discards {@code staged}, records nothing and returns empty.
     */
    public Optional<StoredObject> publishFrom(
            StoredObject source,
            String storeUri,
            String objectId,
            StagedFile staged,
            String contentType,
            Consumer<StoredObject> record)
            throws IOException {
        return whileSourceHeld(source.fileName(), () -> {
            if (!holds(source)) {
                staged.discard();
                LOG.info("Output discarded, its source is gone storeUri={} source={}", storeUri, source.fileName());
                return Optional.empty();
            }
            StoredObject output = publish(source.spaceName(), storeUri, objectId, staged, contentType);
            try {
                record.accept(output);
            } catch (RuntimeException e) {
                remove(output.fileName());
                throw e;
            }
            return Optional.of(output);
        });
    }

    /** Runs {@code work}, which may remove the object at {@code fileName}, while no output of it is published. */
    public <T> T whileSourceHeld(String fileName, SourceWork<T> work) throws IOException {
        Lock lock = sourceLocks.lockFor(fileName);
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the object at {@code fileName} and its bytes; returns it, or empty when nothing was stored there. */
    public Optional<StoredObject> remove(String fileName) throws IOException {
        Optional<StoredObject> removed = objects.remove(fileName);
        if (removed.isPresent()) {
            store.delete(removed.get().objectId());
        }
        return removed;
    }
}
