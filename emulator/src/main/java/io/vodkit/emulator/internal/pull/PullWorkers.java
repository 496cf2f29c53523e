package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.Disk;
import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.internal.api.ApiException;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.UrlJob;
import io.vodkit.emulator.internal.db.UrlJobRepository;
import io.vodkit.emulator.internal.service.MediaCommitter;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of named worker threads that take {@code initial} jobs from the database, oldest first, and run
 * them through {@link PullIngest}. The database is the queue: jobs beyond the workers wait there as {@code initial},
 * so memory does not grow with the backlog. A stop interrupts running fetches and leaves their jobs
 * {@code processing}; {@link #start} recovers them on the next run (see
 * {@link UrlJobRepository#recoverInterrupted}). A job that ends sends FileUploadByUrlComplete, one failed by that
 * recovery too.
 */
public final class PullWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PullWorkers.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final UrlJobRepository jobs;
    private final PullIngest ingest;
    private final Clock clock;
    private final UrlPullConfig config;
    private final ExecutorService pool;
    private final CallbackEvents events;
    private final Semaphore waiting = new Semaphore(0);
    private volatile boolean closed;

    public PullWorkers(
            UrlJobRepository jobs,
            PullIngest ingest,
            Clock clock,
            UrlPullConfig config,
            ExecutorService pool,
            CallbackEvents events) {
        this.jobs = jobs;
        this.ingest = ingest;
        this.clock = clock;
        this.config = config;
        this.pool = pool;
        this.events = events;
    }

    /** A fixed pool of {@code workers} named daemon threads for {@link PullWorkers}. */
    public static ExecutorService workerPool(int workers, String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Recovers jobs a previous run left {@code processing}, then starts the workers. */
    public void start() {
        UrlJobRepository.Recovery recovery = jobs.recoverInterrupted(config.maxInterruptions(), clock.instant());
        for (UrlJob job : recovery.failed()) {
            LOG.info("URL pull failed jobId={} reason={}", job.jobId(), job.failure());
            events.urlPullFailed(job, job.failure());
        }
        int waitingJobs = jobs.countInitial();
        if (recovery.requeued() > 0 || waitingJobs > 0) {
            LOG.info("URL pull jobs resumed recoveredInterrupted={} waiting={}", recovery.requeued(), waitingJobs);
        }
        waiting.release(waitingJobs);
        for (int i = 0; i < config.workers(); i++) {
            pool.execute(this::work);
        }
    }

    /** Tells the workers that {@code count} new jobs wait in the database. */
    public void jobsAdded(int count) {
        waiting.release(count);
    }

    private void work() {
        while (!closed) {
            try {
                waiting.acquire();
            } catch (InterruptedException stopping) {
                return;
            }
            Optional<UrlJob> job = jobs.claimNext(clock.instant());
            if (job.isPresent() && !run(job.get())) {
                return;
            }
        }
    }

    /** Runs one claimed job; false when the emulator is stopping (the job stays processing for recovery). */
    private boolean run(UrlJob job) {
        LOG.info("URL pull started jobId={} source={}", job.jobId(), job.sourceUrl());
        try {
            MediaCommitter.CommittedMedia media = ingest.ingest(job);
            jobs.succeed(job.jobId(), media.vid(), media.posterUri(), Json.text(media.sourceInfo()), clock.instant());
            LOG.info("URL pull succeeded jobId={} vid={}", job.jobId(), media.vid());
            events.urlPulled(job, media.vid(), media.sourceInfo(), media.posterUri());
            return true;
        } catch (InterruptedException e) {
            LOG.info("URL pull interrupted by stop jobId={}", job.jobId());
            return false;
        } catch (FetchFailure | ApiException e) {
            return failed(job, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (closed) {
                LOG.info("URL pull cut short by stop jobId={} reason={}", job.jobId(), e.getMessage());
                return false;
            }
            if (Disk.isFull(e)) {
                LOG.warn("URL pull failed: no space left on the disk jobId={} error={}", job.jobId(), e.toString());
                return failed(job, Disk.FULL_MESSAGE);
            }
            LOG.warn("URL pull failed unexpectedly jobId={}", job.jobId(), e);
            return failed(job, "ingest failed: " + e.getMessage());
        }
    }

    private boolean failed(UrlJob job, String reason) {
        if (closed) {
            LOG.info("URL pull cut short by stop jobId={} reason={}", job.jobId(), reason);
            return false;
        }
        jobs.fail(job.jobId(), reason, clock.instant());
        LOG.info("URL pull failed jobId={} reason={}", job.jobId(), reason);
        events.urlPullFailed(job, reason);
        return true;
    }

    /** Interrupts running fetches and waits for the workers to end (their jobs stay processing). */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("URL pull workers did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
