package io.vodkit.client.internal.upload;

import java.util.concurrent.atomic.AtomicReference;

/** The first failure of one upload; once set, every other request of the upload should stop. Thread-safe. */
public final class FirstFailure {

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /** Records {@code failure} if it is the first; returns {@code true} exactly once per upload. */
    public boolean record(Throwable failure) {
        return first.compareAndSet(null, failure);
    }

    /** Whether a failure was recorded. */
    public boolean happened() {
        return first.get() != null;
    }

    /** The first failure, or {@code null}. */
    public Throwable get() {
        return first.get();
    }
}
