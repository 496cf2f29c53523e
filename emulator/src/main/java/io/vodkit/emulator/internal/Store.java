package io.vodkit.emulator.internal;

import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.db.MultipartPartRepository;
import io.vodkit.emulator.internal.db.MultipartUploadRepository;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.SettingsRepository;
import io.vodkit.emulator.internal.db.SpaceRepository;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MultipartUploads;
import io.vodkit.emulator.internal.service.ObjectMd5s;
import io.vodkit.emulator.internal.service.ObjectPublisher;
import io.vodkit.emulator.internal.service.SessionOpener;
import io.vodkit.emulator.internal.service.Spaces;
import io.vodkit.emulator.internal.service.UploadSweeper;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.PartStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder's stored state: metadata in the database, bytes under {@value #OBJECTS_DIR} and
 * {@value #MULTIPART_DIR}, scratch files under {@value #WORK_DIR}, and the sweeper of uploads never committed.
 */
public record Store(
        SettingsRepository settings,
        ObjectRepository objects,
        UploadSessionRepository sessions,
        MediaRepository media,
        Spaces spaces,
        ObjectStore objectStore,
        ObjectMd5s md5s,
        ObjectPublisher publisher,
        MultipartUploads multipartUploads,
        SessionOpener sessionOpener,
        UploadSweeper sweeper,
        Path work) {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final String OBJECTS_DIR = "objects";
    static final String MULTIPART_DIR = "multipart";
    static final String WORK_DIR = "work";

    public static Store open(Database database, Path dataDir, EmulatorConfig.Storage config, Ids ids, Clock clock)
            throws IOException {
        ObjectRepository objects = new ObjectRepository(database);
        UploadSessionRepository sessions = new UploadSessionRepository(database);
        ObjectStore objectStore = new ObjectStore(dataDir.resolve(OBJECTS_DIR), config.disk());
        ObjectPublisher publisher = new ObjectPublisher(objects, objectStore, clock, sessions);
        MultipartUploads multipartUploads = new MultipartUploads(
                new MultipartUploadRepository(database),
                new MultipartPartRepository(database),
                new PartStore(dataDir.resolve(MULTIPART_DIR), config.disk()),
                objects,
                objectStore,
                publisher,
                ids,
                clock);
        return new Store(
                new SettingsRepository(database),
                objects,
                sessions,
                new MediaRepository(database),
                new Spaces(new SpaceRepository(database), clock),
                objectStore,
                new ObjectMd5s(objects, objectStore),
                publisher,
                multipartUploads,
                new SessionOpener(sessions, objects, ids, clock),
                new UploadSweeper(sessions, objects, objectStore, multipartUploads, clock, config.uploadGracePeriod()),
                dataDir.resolve(WORK_DIR));
    }

    /** Registers the configured spaces and removes what a previous run left half-done. */
    public void prepare(List<String> configuredSpaces) throws IOException {
        spaces.register(configuredSpaces);
        sweeper.sweep();
        multipartUploads.sweepOrphans();
        objectStore.sweep(objects.objectIds());
        if (Files.isDirectory(work)) {
            try (Stream<Path> leftovers = Files.list(work)) {
                for (Path file : leftovers.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Sweeps uploads never committed now and then ({@link UploadSweeper#period()}) until the handle is closed. */
    public Handles.Handle startSweeps() {
        ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vodkit-upload-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = sweeper.period().toMillis();
        sweeps.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweeper.sweep();
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Sweeping uploads never committed failed: {}", e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return () -> {
            sweeps.shutdownNow();
            try {
                if (!sweeps.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The upload sweeper did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
