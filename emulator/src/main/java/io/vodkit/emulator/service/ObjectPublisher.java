package io.vodkit.emulator.service;

import io.vodkit.emulator.api.GatewayError;
import io.vodkit.emulator.db.ObjectRepository;
import io.vodkit.emulator.db.StoredObject;
import io.vodkit.emulator.storage.ObjectStore;
import io.vodkit.emulator.storage.StagedFile;
import io.vodkit.emulator.storage.StripedLocks;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a staged object visible under its FileName: checks the FileName is not another space's, moves the bytes
 * into place, records the object and removes the bytes of the object it replaces. One FileName at a time.
 */
public final class ObjectPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectPublisher.class);

    private final ObjectRepository objects;
    private final ObjectStore store;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public ObjectPublisher(ObjectRepository objects, ObjectStore store, Clock clock) {
        this.objects = objects;
        this.store = store;
        this.clock = clock;
    }

    /** Fails early (before any bytes are read) when the FileName belongs to another space. */
    public void checkOwner(String spaceName, String storeUri) {
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
    public StoredObject publish(String spaceName, String storeUri, String objectId, StagedFile staged,
                                String contentType) throws IOException {
        String fileName = Spaces.fileNameOf(storeUri);
        Lock lock = locks.lockFor(fileName);
        lock.lock();
        try {
            Optional<StoredObject> replaced = objects.findByFileName(fileName);
            if (replaced.isPresent() && !replaced.get().spaceName().equals(spaceName)) {
                throw GatewayError.OBJECT_IN_USE.exception(fileName, replaced.get().spaceName());
            }
            staged.publish();
            StoredObject object = new StoredObject(fileName, spaceName, storeUri, objectId,
                    staged.checksums().size(), staged.checksums().crc32(), staged.checksums().md5(), contentType,
                    clock.instant());
            objects.put(object);
            if (replaced.isPresent()) {
                store.delete(replaced.get().objectId());
            }
            LOG.info("Stored object storeUri={} size={} crc32={} objectId={}", storeUri, object.size(),
                    object.crc32(), objectId);
            return object;
        } catch (IOException | RuntimeException e) {
            staged.discard();
            throw e;
        } finally {
            lock.unlock();
        }
    }
}
