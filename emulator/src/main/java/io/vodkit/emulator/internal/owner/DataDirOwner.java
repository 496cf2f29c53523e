package io.vodkit.emulator.internal.owner;

import io.vodkit.emulator.DataDirOwnedException;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.OwnerInfo;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.SettingsRepository;
import io.vodkit.emulator.internal.storage.PrivateFiles;
import java.io.IOException;
import java.net.BindException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive ownership of an emulator's data folder: an OS lock on {@value #LOCK_FILE} taken before the database is
 * opened and released after it is closed, and, while the emulator serves, {@value #INFO_FILE} telling other vodkit
 * processes how to reach it (mode 600, as it holds the secret key; written whole or not at all).
 *
 * <p>The OS drops the lock when its process dies, however it dies. What a dead owner published is never trusted: the
 * next owner deletes it as soon as it holds the lock, and a reader ignores it while its process no longer runs.
 *
 * <p>Such a lock belongs to the whole process, and closing <em>any</em> channel on the file releases it. So the
 * folders this JVM owns are kept here, and a second start on one of them is refused without opening its lock file.
 *
 * <p>The owner also keeps the folder's port sticky: {@link #bind} remembers the port served, and a start asking for
 * {@link EmulatorConfig#STICKY_PORT} binds it again when it is free.
 */
public final class DataDirOwner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirOwner.class);
    /** The port the folder was last served on, in its database's settings. */
    private static final String PORT_SETTING = "http.port";

    public static final String LOCK_FILE = "owner.lock";
    public static final String INFO_FILE = "owner.json";
    private static final String TEMP_SUFFIX = ".tmp";

    /** The folders this JVM owns, by real path. Guarded by itself. */
    private static final Map<Path, DataDirOwner> OWNED = new HashMap<>();

    private final Path folder;
    private final FileChannel channel;
    private volatile Optional<OwnerInfo> published = Optional.empty();

    private DataDirOwner(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /**
     * Takes ownership of {@code dataDir} (an existing folder) for this process.
     *
     * @throws DataDirOwnedException when another emulator, in this JVM or another process, owns it
     */
    public static DataDirOwner acquire(Path dataDir) throws IOException {
        Path folder = dataDir.toRealPath();
        synchronized (OWNED) {
            DataDirOwner held = OWNED.get(folder);
            if (held != null) {
                throw new DataDirOwnedException(dataDir, held.published);
            }
            FileChannel channel =
                    FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (!locked(channel)) {
                    channel.close();
                    throw new DataDirOwnedException(dataDir, readLive(folder));
                }
                removeStale(folder);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            DataDirOwner owner = new DataDirOwner(folder, channel);
            OWNED.put(folder, owner);
            return owner;
        }
    }

    /**
     * What the live owner of {@code dataDir} published: how to reach the emulator serving it. Empty when none serves
     * it, or one is still starting ({@link #inUse} tells these apart). Cheap: one small file read.
     */
    public static Optional<OwnerInfo> published(Path dataDir) {
        synchronized (OWNED) {
            DataDirOwner held = OWNED.get(realPath(dataDir));
            if (held != null) {
                return held.published;
            }
        }
        return readLive(dataDir);
    }

    /**
     * Whether an emulator, in this JVM or another process, owns {@code dataDir} (serving it, starting or stopping).
     * Another process is detected by taking the lock and releasing it at once.
     */
    public static boolean inUse(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        Path folder = dataDir.toRealPath();
        synchronized (OWNED) {
            if (OWNED.containsKey(folder)) {
                return true;
            }
            try (FileChannel channel =
                    FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                return !locked(channel);
            }
        }
    }

    private static Path realPath(Path dataDir) {
        try {
            return dataDir.toRealPath();
        } catch (IOException missing) {
            return dataDir.toAbsolutePath().normalize();
        }
    }

    /** Deletes what a previous owner that died published, or was publishing. */
    private static void removeStale(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(INFO_FILE));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "." + INFO_FILE + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Whether this channel got the lock; within one JVM an overlapping lock means the same as another process's. */
    private static boolean locked(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return false;
        }
    }

    /** What the owner of {@code folder} published, if its process still runs. */
    private static Optional<OwnerInfo> readLive(Path folder) {
        try {
            return Optional.of(Json.convert(Json.parse(Files.readAllBytes(folder.resolve(INFO_FILE))), OwnerInfo.class))
                    .filter(OwnerInfo::processAlive);
        } catch (IOException | IllegalArgumentException missingOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Binds a listener on a port; {@link BindException} when that port is taken. */
    @FunctionalInterface
    public interface PortBinder<T> {
        T bind(int port) throws IOException;
    }

    /**
     * Binds {@code port} exactly (0 = any free port), or for {@link EmulatorConfig#STICKY_PORT} the port this folder
     * was served on last time, or any free port when that one is taken; remembers the port bound for next time.
     *
     * @param boundPort the port a bound listener got
     * @throws BindException when an explicitly requested port cannot be bound
     */
    public <T> T bind(int port, SettingsRepository settings, PortBinder<T> binder, ToIntFunction<T> boundPort)
            throws IOException {
        int chosen = port == EmulatorConfig.STICKY_PORT
                ? settings.find(PORT_SETTING).map(Integer::parseInt).orElse(0)
                : port;
        T bound;
        try {
            bound = binder.bind(chosen);
        } catch (BindException e) {
            if (port != EmulatorConfig.STICKY_PORT || chosen == 0) {
                throw e;
            }
            LOG.info("Previous port is taken, binding any free port port={}", chosen);
            bound = binder.bind(0);
        }
        settings.put(PORT_SETTING, String.valueOf(boundPort.applyAsInt(bound)));
        return bound;
    }

    /** Tells others how to reach the emulator: {@value #INFO_FILE}, readable by this user only. */
    public void publish(OwnerInfo info) throws IOException {
        Path target = folder.resolve(INFO_FILE);
        Path temp = Files.createTempFile(folder, "." + INFO_FILE + ".", TEMP_SUFFIX, PrivateFiles.fileAttributes());
        try {
            Files.write(temp, Json.bytes(info));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        published = Optional.of(info);
    }

    /** Stops telling others how to reach the emulator (it is stopping); the folder stays owned. */
    public void withdraw() throws IOException {
        published = Optional.empty();
        Files.deleteIfExists(folder.resolve(INFO_FILE));
    }

    /** Withdraws what was published and releases the folder. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (OWNED) {
            if (!OWNED.remove(folder, this)) {
                return;
            }
            try {
                withdraw();
            } finally {
                channel.close();
            }
        }
    }
}
