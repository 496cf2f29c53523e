package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.db.StoredObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The threads that work on a stored object now (restorations and workflow runs read their source for minutes), so
 * that deleting the object stops them: {@link #cancel} interrupts them, which ends their ffmpeg run, and the run
 * learns from {@link #cancelled} that it failed because its source went, not because the emulator is stopping.
 */
public final class SourceRuns {
    private final Map<Thread, StoredObject> running = new HashMap<>();
    private final Set<Thread> cancelled = new HashSet<>();

    /** The calling thread starts working on {@code source}. */
    public synchronized void begin(StoredObject source) {
        running.put(Thread.currentThread(), source);
    }

    /** Whether the calling thread's run was cancelled because its source was deleted. */
    public synchronized boolean cancelled() {
        return cancelled.contains(Thread.currentThread());
    }

    /** The calling thread's run is over; the interrupt a cancel sent it is cleared, a stopping one is kept. */
    public synchronized void end() {
        Thread current = Thread.currentThread();
        running.remove(current);
        if (cancelled.remove(current)) {
            Thread.interrupted();
        }
    }

    /** Interrupts every run on the object that was stored at {@code removed}'s FileName in its space. */
    public synchronized void cancel(StoredObject removed) {
        running.forEach((thread, source) -> {
            if (source.fileName().equals(removed.fileName())
                    && source.spaceName().equals(removed.spaceName())) {
                cancelled.add(thread);
                thread.interrupt();
            }
        });
    }
}
