package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what uploads leave behind when they are never finished: multipart uploads past their lifetime (with their
 * staged parts), and every upload granted by ApplyUploadInfo more than the grace period ago and still not committed
 * (its session, its multipart uploads and the object it stored). URL pulls are left to their jobs. Runs at start and
 * then every {@link #period()}.
 */
public final class UploadSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);
    private static final Duration MIN_PERIOD = Duration.ofMillis(100);
    private static final Duration MAX_PERIOD = Duration.ofMinutes(10);

    private final UploadSessionRepository sessions;
    private final ObjectRepository objects;
    private final ObjectStore objectStore;
    private final MultipartUploads multipartUploads;
    private final Clock clock;
    private final Duration grace;

    public UploadSweeper(
            UploadSessionRepository sessions,
            ObjectRepository objects,
            ObjectStore objectStore,
            MultipartUploads multipartUploads,
            Clock clock,
            Duration grace) {
        this.sessions = sessions;
        this.objects = objects;
        this.objectStore = objectStore;
        this.multipartUploads = multipartUploads;
        this.clock = clock;
        this.grace = grace;
    }

    /** How often to sweep: a quarter of the grace period, from 100 ms to 10 minutes. */
    public Duration period() {
        Duration quarter = grace.dividedBy(4);
        return quarter.compareTo(MIN_PERIOD) < 0
                ? MIN_PERIOD
                : quarter.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : quarter;
    }

    /** Sweeps once; returns how many uncommitted uploads were removed. */
    public int sweep() throws IOException {
        multipartUploads.sweepExpired();
        int removed = 0;
        for (UploadSession session : sessions.uncommittedBefore(clock.instant().minus(grace))) {
            if (!sessions.deleteUncommitted(session.sessionKey())) {
                continue; // committed meanwhile
            }
            multipartUploads.discardAll(session.storeUri());
            Optional<String> objectId =
                    objects.findByStoreUri(session.storeUri()).map(o -> o.objectId());
            objects.deleteByStoreUri(session.storeUri());
            if (objectId.isPresent()) {
                objectStore.delete(objectId.get());
            }
            LOG.info(
                    "Removed an upload never committed storeUri={} grantedAt={} gracePeriod={}",
                    session.storeUri(),
                    session.createdAt(),
                    grace);
            removed++;
        }
        return removed;
    }
}
