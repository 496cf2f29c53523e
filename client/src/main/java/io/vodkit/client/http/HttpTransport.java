package io.vodkit.client.http;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.NamedThreadFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
  private final HttpClient client;
  private final Duration requestTimeout;

  /**
   * @param tls whether requests may use {@code https}; {@code false} when every URL is {@code http://} (the
   *            endpoint's scheme is also the storage hosts' scheme), which spares building the TLS stack
   */
  public HttpTransport(Duration connectTimeout, Duration requestTimeout, boolean tls) {
    Objects.requireNonNull(connectTimeout, "connectTimeout == null");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    this.executor = Executors.newFixedThreadPool(EXECUTOR_THREADS, new NamedThreadFactory("vodkit-http"));
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor);
    if (!tls) {
      builder.sslContext(PlainHttpOnly.context()).sslParameters(PlainHttpOnly.parameters());
    }
    this.client = builder.build();
  }

  /** The default per-request timeout (time until the response headers arrive), and the longest silence. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sends {@code request} and reads the whole (small, JSON) reply. The exchange is abandoned when no byte moves
   * either way for {@link #requestTimeout()} (a stalled upload, or a reply that stops half-way), besides the
   * request's own timeout for its reply to begin.
   *
   * @param what a short description for error messages, e.g. {@code "ApplyUploadInfo"}
   */
  public HttpResponse<byte[]> send(HttpRequest request, String what) {
    ActivityWatch activity = new ActivityWatch();
    HttpRequest watched = request.bodyPublisher().filter(body -> body.contentLength() != 0)
        .map(body -> HttpRequest.newBuilder(request, (name, value) -> true)
            .method(request.method(), activity.watch(body)).build())
        .orElse(request);
    CompletableFuture<HttpResponse<byte[]>> reply =
        client.sendAsync(watched, activity.watch(HttpResponse.BodyHandlers.ofByteArray()));
    try {
      return await(reply, activity, request, what);
    } catch (InterruptedException e) {
      reply.cancel(true);
      Thread.currentThread().interrupt();
      throw new VodException(what + " was interrupted", e);
    }
  }

  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> reply, ActivityWatch activity,
                                     HttpRequest request, String what) throws InterruptedException {
    while (true) {
      long left = requestTimeout.toNanos() - activity.silentNanos();
      if (left <= 0) {
        reply.cancel(true);
        throw new TransportException(what, "nothing sent or received from " + request.uri().getAuthority()
            + " for " + requestTimeout.toSeconds() + " s", null);
      }
      try {
        return reply.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException silentSoFar) {
        // checked against the silence at the top of the loop
      } catch (ExecutionException e) {
        throw failure(e.getCause(), request, what);
      }
    }
  }

  private VodException failure(Throwable cause, HttpRequest request, String what) {
    String authority = request.uri().getAuthority();
    if (cause instanceof HttpConnectTimeoutException) {
      return new TransportException(what, "connecting to " + authority + " timed out", false, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new TransportException(what, "no reply from " + authority + " within "
          + request.timeout().orElse(requestTimeout).toSeconds() + " s", cause);
    }
    if (cause instanceof ConnectException) {
      return new TransportException(what, "cannot connect to " + authority + " ("
          + (cause.getMessage() == null ? "connection refused or host unreachable" : cause.getMessage()) + ")",
          false, cause);
    }
    if (cause instanceof IOException) {
      return new TransportException(what, "I/O error talking to " + authority + " (" + describe(cause) + ")",
          cause);
    }
    return new VodException(what + " failed: " + describe(cause), cause);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
