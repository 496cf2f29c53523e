package io.vodkit.client.internal.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Uploads the parts of one multipart upload with at most {@code concurrency} in flight, on a pool of named threads
 * that lives only for this upload. The first failure wins ({@code compareAndSet}) and cancels the rest exactly once:
 * queued parts never start, running ones are interrupted and their bodies stop ({@link FirstFailure}). Receipts are
 * returned in part order.
 */
public final class ParallelParts {

    /** Uploads one part (with its own host failover and progress). */
    @FunctionalInterface
    public interface PartTask {
        PartReceipt upload(PartPlan.Part part);
    }

    private final int concurrency;
    private final FirstFailure failure;
    private volatile ThreadPoolExecutor pool;

    /**
     * @param failure the upload's failure record; a part failure is recorded there, and once anything is recorded
     *                the remaining parts are cancelled
     */
    public ParallelParts(int concurrency, FirstFailure failure) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency < 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.failure = failure;
    }

    /** Runs {@code task} for every part; returns the receipts in part order or throws the first failure. */
    public List<PartReceipt> run(List<PartPlan.Part> parts, PartTask task) {
        if (pool != null) {
            throw new IllegalStateException("ParallelParts.run may be called once");
        }
        AtomicReferenceArray<PartReceipt> receipts = new AtomicReferenceArray<>(parts.size());
        pool = new ThreadPoolExecutor(
                concurrency,
                concurrency,
                0L,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, parts.size())),
                new NamedThreadFactory("vodkit-upload-part"));
        try {
            for (int i = 0; i < parts.size(); i++) {
                int index = i;
                PartPlan.Part part = parts.get(i);
                if (failure.happened()) {
                    break;
                }
                try {
                    pool.execute(() -> {
                        if (failure.happened()) {
                            return;
                        }
                        try {
                            receipts.set(index, task.upload(part));
                        } catch (Throwable t) {
                            fail(t);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    break; // a part failed meanwhile and shut the pool down
                }
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            fail(new VodException("upload interrupted", e));
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }

        Throwable first = failure.get();
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw new VodException("upload failed: " + first, first);
        }
        List<PartReceipt> ordered = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            ordered.add(receipts.get(i));
        }
        return ordered;
    }

    /** Records the first failure and cancels everything else, once. */
    private void fail(Throwable t) {
        if (failure.record(t)) {
            pool.shutdownNow();
        }
    }
}
