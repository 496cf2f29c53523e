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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one HTTP stage every vodkit call goes through: a JDK {@link HttpClient} forced to HTTP/1.1, with a connect
 * timeout and a bounded executor of named daemon threads that this transport owns and shuts down on
 * {@link #close()}. A transport for a plain {@code http://} endpoint has TLS off ({@link PlainHttpOnly}). Failures become {@link TransportException} (retryable elsewhere) or, on interrupt, a plain
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

  /** The default per-request timeout (time until the response headers arrive). */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sends {@code request} and reads the whole (small, JSON) reply.
   *
   * @param what a short description for error messages, e.g. {@code "ApplyUploadInfo"}
   */
  public HttpResponse<byte[]> send(HttpRequest request, String what) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new TransportException(what, "connecting to " + request.uri().getAuthority() + " timed out", false,
          e);
    } catch (HttpTimeoutException e) {
      throw new TransportException(what, "no reply from " + request.uri().getAuthority() + " within "
          + request.timeout().orElse(requestTimeout).toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw new TransportException(what, "cannot connect to " + request.uri().getAuthority() + " ("
          + (e.getMessage() == null ? "connection refused or host unreachable" : e.getMessage()) + ")", false, e);
    } catch (IOException e) {
      throw new TransportException(what, "I/O error talking to " + request.uri().getAuthority()
          + " (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VodException(what + " was interrupted", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
