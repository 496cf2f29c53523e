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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a staged object visible under its FileName: checks the FileName is not another space's, moves the bytes
 * into place, records the object and removes the bytes of the object it replaces. One FileName at a time.
 * Committed objects are immutable: nothing is published over a StoreUri whose upload was committed as a Vid.
 */
public final class ObjectPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectPublisher.class);

    private final ObjectRepository objects;
    private final ObjectStore store;
    private final Clock clock;
    private final UploadSessionRepository sessions;
    private final StripedLocks locks = new StripedLocks(64);

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
}
