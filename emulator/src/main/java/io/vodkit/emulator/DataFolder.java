package io.vodkit.emulator;

import io.vodkit.emulator.internal.owner.DataDirOwner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Which process serves a data folder, as every vodkit process sees it: one emulator at a time owns the folder (an OS
 * lock, taken by {@link Emulator#start}) and, while it serves, publishes there how to reach it. Here other processes
 * find it ({@link #serving}), wait for one that is starting ({@link #awaitServing}), join it or start one
 * ({@link #joinOrStart}), and stop it ({@link #stop}).
 *
 * <p>Waits take a {@code pause}: it waits a little and returns false when the caller is asked to stop meanwhile.
 */
public final class DataFolder {
    private final Path path;

    private DataFolder(Path path) {
        this.path = Objects.requireNonNull(path, "path == null");
    }

    public static DataFolder of(Path path) {
        return new DataFolder(path);
    }

    public Path path() {
        return path;
    }

    /** Starts an emulator for the folder in another process (it publishes once it serves). */
    @FunctionalInterface
    public interface Starter {
        Process start() throws IOException;
    }

    /** How {@link #joinOrStart} ended. */
    public sealed interface Joined {
        /** An emulator serves the folder; {@code startedHere} when it is the process this call started. */
        record Serving(OwnerInfo owner, boolean startedHere) implements Joined {}

        /** Each process started ended without serving, the last with {@code exitCode}. */
        record Exited(int exitCode) implements Joined {}

        /** None served within the time-out. */
        record TimedOut() implements Joined {}

        /** The caller was asked to stop while waiting. */
        record Stopped() implements Joined {}
    }

    /**
     * What the emulator serving the folder published; empty when none serves it, or one is still starting
     * ({@link #inUse} tells these apart). Cheap: one small file read.
     */
    public Optional<OwnerInfo> serving() {
        return DataDirOwner.published(path);
    }

    /** Whether an emulator, in this JVM or another process, owns the folder (serving, starting or stopping). */
    public boolean inUse() throws IOException {
        return DataDirOwner.inUse(path);
    }

    /** What the owner published; while one is starting (folder owned, nothing published yet) waits for it. */
    public Optional<OwnerInfo> awaitServing(Duration timeout, BooleanSupplier pause) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<OwnerInfo> owner = serving();
        while (owner.isEmpty() && inUse() && System.nanoTime() < deadline && pause.getAsBoolean()) {
            owner = serving();
        }
        return owner;
    }

    /**
     * Joins the emulator serving the folder, else starts one with {@code starter} (creating the folder) and waits
     * until it, or another that won the race for the folder, serves. A started process that ends without serving
     * is started again, up to {@code maxStarts} times.
     */
    public Joined joinOrStart(Starter starter, int maxStarts, Duration timeout, BooleanSupplier pause)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process child = null;
        int starts = 0;
        Files.createDirectories(path);
        while (true) {
            Optional<OwnerInfo> owner = serving();
            if (owner.isPresent()) {
                return new Joined.Serving(
                        owner.get(), child != null && owner.get().pid() == child.pid());
            }
            if ((child == null || !child.isAlive()) && !inUse()) {
                if (starts == maxStarts) {
                    return new Joined.Exited(child.exitValue());
                }
                child = starter.start();
                starts++;
            }
            if (System.nanoTime() > deadline) {
                return new Joined.TimedOut();
            }
            if (!pause.getAsBoolean()) {
                return new Joined.Stopped();
            }
        }
    }

    /**
     * Stops the emulator serving the folder (SIGTERM; it finishes in-flight requests and re-queues running jobs for
     * its next start) and waits for it to end, waiting first for one that is starting.
     *
     * @return the one stopped; empty when none serves the folder
     * @throws IOException when it runs in this process, does not end within {@code timeout}, or cannot be stopped
     */
    public Optional<OwnerInfo> stop(Duration timeout, BooleanSupplier pause) throws IOException {
        Optional<OwnerInfo> serving;
        try {
            serving = awaitServing(timeout, pause);
        } catch (IOException e) {
            throw new IOException("cannot tell whether an emulator serves " + path + ": " + e.getMessage(), e);
        }
        if (serving.isEmpty()) {
            return serving;
        }
        OwnerInfo owner = serving.get();
        if (owner.pid() == ProcessHandle.current().pid()) {
            throw new IOException(
                    "the local emulator of " + path + " runs in this process (pid " + owner.pid() + "); stop it there");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IOException("the local emulator of " + path + " (pid " + owner.pid()
                        + ") did not stop within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the local emulator of " + path);
            } catch (ExecutionException e) {
                throw new IOException("cannot stop the local emulator of " + path + ": " + e.getCause(), e);
            }
        }
        return serving;
    }

    @Override
    public String toString() {
        return "DataFolder[" + path + "]";
    }
}
