package io.vodkit.client.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * that lives for one {@link #uploadAll} call. One file failing (a {@link VodException}) does not stop the others;
 * anything else (a bug) is thrown.
 */
public final class BatchUploader {

  /** Files in flight when the caller does not choose. */
  public static final int DEFAULT_JOBS = 2;
  public static final int MAX_JOBS = 16;

  /** How one file went: exactly one of {@code result} and {@code failure} is set. */
  public record Outcome(UploadRequest request, UploadResult result, VodException failure) {

    public boolean succeeded() {
      return failure == null;
    }
  }

  private final MediaUploader uploader;
  private final int jobs;

  /** @param jobs files in flight at most, 1…{@value #MAX_JOBS} */
  public BatchUploader(MediaUploader uploader, int jobs) {
    this.uploader = Objects.requireNonNull(uploader, "uploader == null");
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw new IllegalArgumentException("jobs must be 1…" + MAX_JOBS + ": " + jobs);
    }
    this.jobs = jobs;
  }

  /**
   * Uploads every request and returns the outcomes in request order.
   *
   * @param listeners the progress listener of each request
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
          Outcome outcome = uploadOne(request, listeners.apply(request));
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

  private Outcome uploadOne(UploadRequest request, UploadListener listener) {
    try {
      return new Outcome(request, uploader.upload(request, listener), null);
    } catch (VodException e) {
      return new Outcome(request, null, e);
    }
  }
}
