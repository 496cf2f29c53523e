package io.vodkit.emulator.internal.callback;

import io.vodkit.emulator.internal.pull.FetchFailure;
import io.vodkit.emulator.internal.pull.GuardedHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BytesRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends callbacks in the background, never in the request that caused them: {@value #WORKERS} worker threads take
 * them from a queue of at most {@value #MAX_QUEUED} (a callback that finds it full is dropped with a log line). Each
 * callback is a POST with connect and read time-outs; a failure or a non-2xx answer is retried after 1 s and after
 * 5 s (the first two of the service's documented intervals; the service goes on for 48 hours, a local emulator gives
 * up after the third attempt with a log line). Redirects are not followed. Each attempt resolves the URL's host once
 * and connects only to the addresses the URL-pull guard vetted ({@link GuardedHttp}): a name that now answers a
 * link-local or cloud-metadata address is given up without a connection. Closing drops what is still queued, with
 * a log line. No log line or error shows the private key.
 */
public final class CallbackDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDelivery.class);
    private static final int WORKERS = 2;
    private static final int MAX_QUEUED = 256;
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** Why an attempt failed, and whether another attempt may succeed. */
    private static final class AttemptFailure extends Exception {
        private final boolean retryable;

        AttemptFailure(String reason, boolean retryable) {
            super(reason, null, false, false);
            this.retryable = retryable;
        }
    }

    /** The client's settings: a worker's request and Jetty's selector at a time. */
    public static final GuardedHttp.Settings HTTP = new GuardedHttp.Settings(
            "vodkit-callback-http", WORKERS + 4, CONNECT_TIMEOUT, READ_TIMEOUT, "vodkit-emulator-callback");

    private final GuardedHttp http;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final LongAdder queued = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    /** @param http connects only to the addresses its guard vetted; closed with this */
    public CallbackDelivery(GuardedHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                WORKERS, WORKERS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), task -> {
                    Thread thread = new Thread(task, "vodkit-callback-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues {@code delivery}; drops it with a log line when the queue is full or the emulator is stopping. */
    void submit(Delivery delivery) {
        try {
            pool.execute(() -> deliver(delivery));
            queued.increment();
        } catch (RejectedExecutionException e) {
            dropped.increment();
            LOG.warn(
                    "Callback dropped ({}) event={} requestId={}",
                    pool.isShutdown() ? "the emulator is stopping" : MAX_QUEUED + " callbacks already waiting",
                    delivery.eventType(),
                    delivery.requestId());
        }
    }

    /**
     * Callbacks queued, and of those delivered, given up after their last attempt, and dropped unsent, for
     * {@code /_vodkit/stats}.
     */
    public Map<String, Long> counts() {
        return Map.of(
                "queued",
                queued.sum(),
                "delivered",
                delivered.sum(),
                "given_up",
                givenUp.sum(),
                "dropped",
                dropped.sum());
    }

    private void deliver(Delivery delivery) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    int status = attempt(delivery);
                    delivered.increment();
                    LOG.info(
                            "Callback delivered event={} requestId={} status={} attempt={}",
                            delivery.eventType(),
                            delivery.requestId(),
                            status,
                            attempt);
                    return;
                } catch (AttemptFailure failure) {
                    if (!failure.retryable || attempt > RETRY_DELAYS.size()) {
                        givenUp.increment();
                        LOG.warn(
                                "Callback given up after {} attempt(s) event={} requestId={} url={}: {}",
                                attempt,
                                delivery.eventType(),
                                delivery.requestId(),
                                withoutQuery(delivery.url()),
                                failure.getMessage());
                        return;
                    }
                    Duration delay = RETRY_DELAYS.get(attempt - 1);
                    LOG.info(
                            "Callback attempt {} failed event={} requestId={}: {}; retrying in {} s",
                            attempt,
                            delivery.eventType(),
                            delivery.requestId(),
                            failure.getMessage(),
                            delay.toSeconds());
                    Thread.sleep(delay.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            droppedByStop(delivery);
        } catch (RuntimeException e) {
            // e.g. the HTTP client interrupted while it starts: every callback queued ends in one of the counts
            if (pool.isShutdown()) {
                droppedByStop(delivery);
                return;
            }
            givenUp.increment();
            LOG.warn(
                    "Callback given up event={} requestId={}: {}",
                    delivery.eventType(),
                    delivery.requestId(),
                    e.toString());
        }
    }

    private void droppedByStop(Delivery delivery) {
        dropped.increment();
        LOG.warn(
                "Callback dropped (the emulator is stopping) event={} requestId={}",
                delivery.eventType(),
                delivery.requestId());
    }

    /**
     * One POST; the HTTP status when it is 2xx. A host the guard refuses fails before any connection, and is not
     * retried.
     */
    private int attempt(Delivery delivery) throws AttemptFailure, InterruptedException {
        Request request;
        try {
            request = http.client()
                    .newRequest(URI.create(delivery.url()))
                    .method(HttpMethod.POST)
                    .timeout(CONNECT_TIMEOUT.plus(READ_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)
                    .body(new BytesRequestContent(delivery.contentType(), delivery.body()));
        } catch (IllegalArgumentException e) {
            throw new AttemptFailure(e.toString(), false);
        }
        if (delivery.privateKey().isPresent()) {
            long timestamp = clock.instant().getEpochSecond();
            String signature = CallbackSignature.sign(
                    delivery.url(), timestamp, delivery.privateKey().get(), delivery.body());
            request.headers(headers ->
                    headers.put("X-VOD-TIMESTAMP", Long.toString(timestamp)).put("X-VOD-SIGNATURE", signature));
        }
        try {
            // the answer's body means nothing to the service: Jetty keeps at most 2 MiB of it, then it is dropped
            int status = request.send().getStatus();
            if (status / 100 != 2) {
                throw new AttemptFailure("the receiver answered HTTP " + status, true);
            }
            return status;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AttemptFailure(cause.toString(), !(cause instanceof FetchFailure));
        } catch (TimeoutException e) {
            throw new AttemptFailure(
                    "no answer within " + CONNECT_TIMEOUT.plus(READ_TIMEOUT).toSeconds() + " s", true);
        }
    }

    /** The URL without user info and query, either of which may carry a receiver's secret, for log lines. */
    private static String withoutQuery(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "(unparsable URL)";
        }
    }

    /** Drops the callbacks still queued (with a log line) and interrupts those being retried. */
    @Override
    public void close() {
        List<Runnable> pending = pool.shutdownNow();
        if (!pending.isEmpty()) {
            dropped.add(pending.size());
            LOG.warn("{} callback(s) dropped unsent: the emulator is stopping", pending.size());
        }
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A callback still being sent did not end within {} s", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.close();
        }
    }
}
