package io.vodkit.client.internal.http;

import io.vodkit.client.VodException;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.internal.NamedThreadFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;

/**
 * The one HTTP stage every vodkit call goes through: a JDK {@link HttpClient} forced to HTTP/1.1, with a connect
 * timeout, a reply timeout, a limit on silence mid-transfer (see {@link #send}) and a bounded executor of named
 * daemon threads that this transport owns and shuts down on {@link #close()}. A transport for a plain
 * {@code http://} endpoint has TLS off ({@link PlainHttpOnly}). Failures become {@link TransportException}
 * (retryable elsewhere) or, on interrupt, a plain
 * {@link VodException} with the interrupt flag restored.
 */
public final class HttpTransport implements AutoCloseable {

    /** Threads of the HTTP client's executor; they only complete futures and feed bodies, callers block. */
    public static final int EXECUTOR_THREADS = 4;

    public static final String USER_AGENT = "vodkit-client";

    private final ExecutorService executor;
    private final ScheduledExecutorService watchdog;
    private final HttpClient client;
    /** Requests between send and reply: the client's selector thread is only ended when there are none. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long checkPeriodNanos;

    /**
     * @param tls whether requests may use {@code https}; {@code false} when every URL is {@code http://} (the
     *            endpoint's scheme is also the storage hosts' scheme), which spares building the TLS stack
     */
    public HttpTransport(Duration connectTimeout, Duration requestTimeout, boolean tls) {
        this(connectTimeout, requestTimeout, tls, null);
    }

    /**
     * @param tls        as above
     * @param sslContext the TLS context of {@code https} requests, e.g. {@link TrustedCertificates#sslContext}; null for
     *                   the JDK's default (only used when {@code tls})
     */
    public HttpTransport(Duration connectTimeout, Duration requestTimeout, boolean tls, SSLContext sslContext) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
        this.executor = Executors.newFixedThreadPool(EXECUTOR_THREADS, new NamedThreadFactory("vodkit-http"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("vodkit-http-watchdog"));
        this.checkPeriodNanos = Math.max(
                Duration.ofMillis(50).toNanos(),
                Math.min(Duration.ofSeconds(1).toNanos(), requestTimeout.toNanos() / 10));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        if (!tls) {
            builder.sslContext(PlainHttpOnly.context()).sslParameters(PlainHttpOnly.parameters());
        } else if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /** The default per-request timeout (time until the response headers arrive), and the longest silence. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Sends {@code request} and reads the whole (small, JSON) reply, blocking the calling thread. The exchange is
     * abandoned when no byte moves either way for {@link #requestTimeout()} (a stalled upload, or a reply that stops
     * half-way), besides the request's own timeout for its reply to begin: a watchdog interrupts the blocked send,
     * which makes the JDK client cancel the exchange.
     *
     * <p>The blocking {@link HttpClient#send} is used rather than {@code sendAsync}: the latter completes its future
     * through the JDK's common pool, so a caller that itself runs on a busy common pool (a parallel stream, a default
     * {@code CompletableFuture} task) could wait on a reply that has long arrived.
     *
     * @param what a short description for error messages, e.g. {@code "ApplyUploadInfo"}
     */
    public HttpResponse<byte[]> send(HttpRequest request, String what) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
    }

    /**
     * As {@link #send(HttpRequest, String)}, with the reply body handed to {@code body} (a download streamed to a
     * file); the silence limit applies until the whole body has arrived.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String what) {
        ActivityWatch activity = new ActivityWatch();
        HttpRequest watched = request.bodyPublisher()
                .filter(published -> published.contentLength() != 0)
                .map(published -> HttpRequest.newBuilder(request, (name, value) -> true)
                        .method(request.method(), activity.watch(published))
                        .build())
                .orElse(request);
        SilenceAlarm alarm = new SilenceAlarm(Thread.currentThread());
        long limit = requestTimeout.toNanos();
        ScheduledFuture<?> check = watchdog.scheduleWithFixedDelay(
                () -> {
                    if (activity.silentNanos() >= limit) {
                        alarm.ring();
                    }
                },
                checkPeriodNanos,
                checkPeriodNanos,
                TimeUnit.NANOSECONDS);
        inFlight.incrementAndGet();
        try {
            return client.send(watched, activity.watch(body));
        } catch (InterruptedException e) {
            if (alarm.disarm()) {
                throw new TransportException(
                        what,
                        "nothing sent or received from " + request.uri().getAuthority() + " for "
                                + requestTimeout.toSeconds() + " s",
                        null);
            }
            Thread.currentThread().interrupt();
            throw new VodException(what + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw failure(notIoUnwrapped(e), request, what);
        } finally {
            inFlight.decrementAndGet();
            check.cancel(false);
            alarm.disarm();
        }
    }

    /**
     * Sends {@code request} (a plain {@code http} PUT) with {@code length} bytes of {@code file} from {@code offset}
     * as its body, without the JDK client ({@link FilePut}: sendfile, one connection), and reads the (small) reply.
     * The limits are those of {@link #send}: the connect timeout, the request's timeout for the reply's head to
     * arrive, and {@link #requestTimeout()} of silence either way; the watchdog ends an exchange that passes one by
     * shutting its socket down. Failures become the same exceptions as {@link #send}'s.
     *
     * @param sent      told of each chunk of body bytes handed to the network
     * @param cancelled polled between chunks; once true the request fails
     */
    public FileReply sendFile(
            HttpRequest request,
            FileChannel file,
            long offset,
            long length,
            LongConsumer sent,
            BooleanSupplier cancelled,
            String what) {
        if (!"http".equalsIgnoreCase(request.uri().getScheme())) {
            throw new IllegalArgumentException(
                    "sendFile speaks plain http only: " + request.uri().getScheme());
        }
        FilePut put = new FilePut(request, file, offset, length, sent, cancelled);
        long silenceLimit = requestTimeout.toNanos();
        long replyLimit = request.timeout().orElse(requestTimeout).toNanos();
        long started = System.nanoTime();
        AtomicReference<String> alarm = new AtomicReference<>();
        String authority = request.uri().getRawAuthority();
        ScheduledFuture<?> check = watchdog.scheduleWithFixedDelay(
                () -> {
                    String why = null;
                    if (put.silentNanos() >= silenceLimit) {
                        why = "nothing sent or received from " + authority + " for " + requestTimeout.toSeconds()
                                + " s";
                    } else if (!put.replyBegun() && System.nanoTime() - started >= replyLimit) {
                        why = "no reply from " + authority + " within "
                                + request.timeout().orElse(requestTimeout).toSeconds() + " s";
                    }
                    if (why != null && alarm.compareAndSet(null, why)) {
                        put.abort();
                    }
                },
                checkPeriodNanos,
                checkPeriodNanos,
                TimeUnit.NANOSECONDS);
        try {
            return put.run(connectTimeout);
        } catch (IOException | RuntimeException e) {
            check.cancel(false);
            if (alarm.get() != null) {
                throw new TransportException(what, alarm.get(), e);
            }
            if (Thread.currentThread().isInterrupted()) { // the channel was closed by the interrupt
                throw new VodException(what + " was interrupted", e);
            }
            if (e instanceof IllegalArgumentException) {
                throw new VodException(what + " failed: " + describe(e), e);
            }
            throw failure(e, request, what);
        } finally {
            check.cancel(false);
        }
    }

    /** The reply to {@link #sendFile}: status, headers (case-insensitive names) and body (at most 1 MiB). */
    public record FileReply(int statusCode, HttpHeaders headers, byte[] body) {}

    /** Interrupts one blocked sender, once, unless disarmed first; a late interrupt is taken back at disarming. */
    private static final class SilenceAlarm {
        private final Thread sender;
        private boolean armed = true;
        private boolean rang;

        SilenceAlarm(Thread sender) {
            this.sender = sender;
        }

        synchronized void ring() {
            if (armed && !rang) {
                rang = true;
                sender.interrupt();
            }
        }

        /** Stops the alarm (called on the sender's thread); returns whether it rang, clearing its interrupt. */
        synchronized boolean disarm() {
            armed = false;
            if (rang) {
                Thread.interrupted();
            }
            return rang;
        }
    }

    /**
     * {@link HttpClient#send} wraps a failure that is not I/O (e.g. a refused TLS use) in a bare {@link IOException};
     * that is no network trouble worth another try, so it is judged by what it wraps.
     */
    private static Throwable notIoUnwrapped(Exception e) {
        Throwable inner = e.getCause();
        return e.getClass() == IOException.class && inner != null && !(inner instanceof IOException) ? inner : e;
    }

    private VodException failure(Throwable cause, HttpRequest request, String what) {
        String authority = request.uri().getAuthority();
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportException(what, "connecting to " + authority + " timed out", false, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportException(
                    what,
                    "no reply from " + authority + " within "
                            + request.timeout().orElse(requestTimeout).toSeconds() + " s",
                    cause);
        }
        if (cause instanceof ConnectException) {
            return new TransportException(
                    what,
                    "cannot connect to " + authority + " ("
                            + (cause.getMessage() == null
                                    ? "connection refused or host unreachable"
                                    : cause.getMessage())
                            + ")",
                    false,
                    cause);
        }
        if (cause instanceof IOException) {
            return new TransportException(
                    what, "I/O error talking to " + authority + " (" + describe(cause) + ")", cause);
        }
        return new VodException(what + " failed: " + describe(cause), cause);
    }

    @Override
    public void close() {
        if (inFlight.get() == 0) { // else the requests another thread still waits on are left to finish or time out
            SelectorShutdown.shutdown(client);
        }
        watchdog.shutdownNow();
        executor.shutdownNow();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
