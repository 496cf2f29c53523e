package io.vodkit.emulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an emulator has opened or started, closed newest first: each handle is closed even when one before it failed;
 * the first unchecked failure is rethrown at the end, checked ones are logged.
 */
public final class Handles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Handles.class);

    /** A handle whose close does not throw checked exceptions. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Keeps {@code handle} to close before everything added earlier. */
    public synchronized <T extends AutoCloseable> T add(T handle) {
        open.push(handle);
        return handle;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (true) {
            AutoCloseable handle;
            synchronized (this) {
                handle = open.poll();
            }
            if (handle == null) {
                break;
            }
            try {
                handle.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            } catch (Exception e) {
                LOG.warn("Cannot close {}: {}", handle, e.toString());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
