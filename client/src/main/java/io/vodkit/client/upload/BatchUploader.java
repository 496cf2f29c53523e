package io.vodkit.client.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.NamedThreadFactory;
import io.vodkit.client.limits.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link MediaUploader#uploadAll}: several files, {@code jobs} at a time (each with its own parts in parallel), on a
 * pool of named threads that lives for one {@link #uploadAll} call. A file the {@link UploadLedger} already knows is
 * skipped; every upload is recorded in it; each result, skipped or not, gets a fresh play URL. One file failing (a
 * {@link VodException}) does not stop the others; anything else (a bug) is thrown.
 */
final class BatchUploader {

    private final MediaUploader uploader;
    private final int jobs;
    private final UploadLedger ledger;

    /**
     * @param jobs   files in flight at most, within {@link Limits#JOBS}
     * @param ledger earlier uploads to skip, and where new ones are recorded
     */
    BatchUploader(MediaUploader uploader, int jobs, UploadLedger ledger) {
        this.uploader = Objects.requireNonNull(uploader, "uploader == null");
        this.jobs = Limits.JOBS.check((long) jobs).intValue();
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
    }

    /**
     * Uploads every request and returns the outcomes in request order.
     *
     * @param listeners the progress listener of each request, asked for when its upload starts (not for a skipped
     *                  file)
     * @param done      told of each outcome as soon as it is known (from a pool thread, one call at a time)
     */
    List<UploadOutcome> uploadAll(
            List<UploadRequest> requests,
            Function<UploadRequest, UploadListener> listeners,
            Consumer<UploadOutcome> done) {
        ExecutorService pool = new ThreadPoolExecutor(
                jobs,
                jobs,
                0L,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, requests.size())),
                new NamedThreadFactory("vodkit-upload-file"));
        Object reporting = new Object();
        try {
            List<Future<UploadOutcome>> futures = new ArrayList<>(requests.size());
            for (UploadRequest request : requests) {
                futures.add(pool.submit(() -> {
                    UploadOutcome outcome = uploadOne(request, listeners);
                    synchronized (reporting) {
                        done.accept(outcome);
                    }
                    return outcome;
                }));
            }
            List<UploadOutcome> outcomes = new ArrayList<>(futures.size());
            for (Future<UploadOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VodException("batch upload interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new VodException("batch upload failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private UploadOutcome uploadOne(UploadRequest request, Function<UploadRequest, UploadListener> listeners) {
        UploadResult result;
        boolean skipped;
        try {
            Optional<UploadResult> earlier = ledger.find(request);
            skipped = earlier.isPresent();
            result = skipped ? earlier.get() : uploadAndRecord(request, listeners);
            // resolved for a skipped file too: its line carries a fresh URL, and refused credentials show here
            return new UploadOutcome(request, uploader.withPlayUrl(result), null, skipped);
        } catch (VodException e) {
            return new UploadOutcome(request, null, e, false);
        }
    }

    private UploadResult uploadAndRecord(UploadRequest request, Function<UploadRequest, UploadListener> listeners) {
        boolean recorded = false;
        try {
            UploadResult result = uploader.send(request, listeners.apply(request));
            ledger.record(request, result);
            recorded = true;
            return result;
        } finally {
            if (!recorded) {
                ledger.failed(request);
            }
        }
    }
}
