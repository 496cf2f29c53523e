package io.vodkit.emulator.internal.routing;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts in-flight requests and, once closed, turns new ones away so shutdown can wait for the rest. */
final class RequestGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private boolean closed;

    /** @return false when the gate is closed (the caller must answer 503) */
    boolean enter() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the gate and waits up to {@code grace} for in-flight requests; returns how many are still running. */
    int closeAndAwait(Duration grace) {
        lock.lock();
        try {
            closed = true;
            long nanos = grace.toNanos();
            while (inFlight > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return inFlight;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
