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
 * Uploads several files, {@code jobs} at a time (each with its own parts in parallel), on a pool of named threads
 * that lives for one {@link #uploadAll} call. A file the {@link UploadLedger} already knows is skipped; every upload
 * is recorded in it. One file failing (a {@link VodException}) does not stop the others; anything else (a bug) is
 * thrown.
 */
public final class BatchUploader {

  /** Files in flight when the caller does not choose. */
  public static final int DEFAULT_JOBS = 2;
  public static final int MAX_JOBS = Limits.MAX_JOBS;

  /**
   * How one file went: exactly one of {@code result} and {@code failure} is set; {@code skipped} when the result is
   * the ledger's earlier upload (nothing was sent).
   */
  public record Outcome(UploadRequest request, UploadResult result, VodException failure, boolean skipped) {

    public boolean succeeded() {
      return failure == null;
    }
  }

  private final MediaUploader uploader;
  private final int jobs;
  private final UploadLedger ledger;

  /**
   * @param jobs   files in flight at most, 1…{@value #MAX_JOBS}
   * @param ledger earlier uploads to skip, and where new ones are recorded
   */
  public BatchUploader(MediaUploader uploader, int jobs, UploadLedger ledger) {
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
  public List<Outcome> uploadAll(List<UploadRequest> requests, Function<UploadRequest, UploadListener> listeners,
                                 Consumer<Outcome> done) {
    ExecutorService pool = new ThreadPoolExecutor(jobs, jobs, 0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, requests.size())),
        new NamedThreadFactory("vodkit-upload-file"));
    Object reporting = new Object();
    try {
      List<Future<Outcome>> futures = new ArrayList<>(requests.size());
      for (UploadRequest request : requests) {
        futures.add(pool.submit(() -> {
          Outcome outcome = uploadOne(request, listeners);
          synchronized (reporting) {
            done.accept(outcome);
          }
          return outcome;
        }));
      }
      List<Outcome> outcomes = new ArrayList<>(futures.size());
      for (Future<Outcome> future : futures) {
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

  private Outcome uploadOne(UploadRequest request, Function<UploadRequest, UploadListener> listeners) {
    try {
      Optional<UploadResult> earlier = ledger.find(request);
      if (earlier.isPresent()) {
        return new Outcome(request, earlier.get(), null, true);
      }
    } catch (VodException e) {
      return new Outcome(request, null, e, false);
    }
    boolean recorded = false;
    try {
      UploadResult result = uploader.upload(request, listeners.apply(request));
      ledger.record(request, result);
      recorded = true;
      return new Outcome(request, result, null, false);
    } catch (VodException e) {
      return new Outcome(request, null, e, false);
    } finally {
      if (!recorded) {
        ledger.failed(request);
      }
    }
  }
}
