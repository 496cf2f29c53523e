package io.vodkit.emulator.internal.storage;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** A fixed number of locks shared by key hash: bounded memory, per-key mutual exclusion. */
public final class StripedLocks {
    private final Lock[] locks;

    public StripedLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes < 1: " + stripes);
        }
        locks = new Lock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Lock lockFor(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
