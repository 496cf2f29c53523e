package io.vodkit.emulator.internal.jobs;

import io.vodkit.emulator.internal.db.ExecutionRecord;
import io.vodkit.emulator.internal.db.ExecutionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of named worker threads taking {@code PendingStart} jobs from the {@code executions} table (the
 * queue survives restarts) in creation order. {@link #wake()} tells an idle worker there is new work.
 */
public final class ExecutionWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionWorkers.class);
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final ExecutionRepository executions;
    private final EnhanceTask task;
    private final Clock clock;
    private final int workerCount;
    private final Semaphore work = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private Consumer<String> finished; // set by start, before the threads that read it start
    private volatile boolean closed;

    public ExecutionWorkers(ExecutionRepository executions, EnhanceTask task, Clock clock, int workerCount) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount < 1: " + workerCount);
        }
        this.executions = executions;
        this.task = task;
        this.clock = clock;
        this.workerCount = workerCount;
    }

    /** Starts the workers; they first take any jobs already waiting and tell {@code finished} each RunId run. */
    public synchronized void start(Consumer<String> finished) {
        this.finished = finished;
        for (int i = 1; i <= workerCount; i++) {
            Thread thread = new Thread(this::loop, "vodkit-enhance-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Signals that a job was queued. */
    public void wake() {
        work.release();
    }

    private void loop() {
        try {
            while (!closed) {
                Optional<ExecutionRecord> job = executions.claimNext(clock.instant());
                if (job.isPresent()) {
                    task.run(job.get());
                    finished.accept(job.get().runId());
                } else {
                    work.tryAcquire(IDLE_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("Enhance worker stopped unexpectedly", e);
            }
        }
    }

    /** Stops the workers; a job interrupted here stays {@code Running} and is re-queued at the next start. */
    @Override
    public synchronized void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("Enhance worker did not stop in time thread={}", thread.getName());
            }
        }
    }
}
