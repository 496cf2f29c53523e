package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.internal.storage.BodyTooLargeException;
import io.vodkit.emulator.internal.storage.StagedFile;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a URL pull source with the JDK HTTP client: connect and read time-outs, redirects followed here (at most
 * {@link UrlPullConfig#maxRedirects()}, http and https only), a size limit, and the body streamed into a
 * {@link Sink}. Every way it can fail becomes a {@link FetchFailure} with a readable reason.
 */
public final class SourceFetcher {

    /** Where the body goes: streams {@code body} (at most {@code maxBytes}) into a staged file. */
    @FunctionalInterface
    public interface Sink {
        StagedFile receive(ReadableByteChannel body, long maxBytes) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "vodkit-emulator-url-pull";

    private final UrlPullConfig config;
    private final SourceGuard guard;
    private final ExecutorService executor;
    /**
     * Made by the first fetch: a JDK HTTP client keeps a selector thread waiting in native code from its creation
     * on, and the JVM holds its exit back ~0.3 s for such threads, so a CLI run with no URL pull should not make one.
     */
    private HttpClient http;

    /**
     * @param guard    refuses sources (and redirect targets) the emulator must not connect to
     * @param executor runs the HTTP client's asynchronous work; owned by the caller
     */
    public SourceFetcher(UrlPullConfig config, SourceGuard guard, ExecutorService executor) {
        this.config = config;
        this.guard = guard;
        this.executor = executor;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor)
                    .build();
        }
        return http;
    }

    /**
     * Fetches {@code source} into {@code sink}.
     *
     * @throws FetchFailure         the source cannot be fetched (reason in the message)
     * @throws InterruptedException the calling thread was interrupted (the emulator is stopping)
     */
    public StagedFile fetch(URI source, Sink sink) throws FetchFailure, InterruptedException {
        URI current = source;
        for (int redirects = 0; ; redirects++) {
            checkTarget(current, redirects > 0);
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(current);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                discard(response);
                if (redirects == config.maxRedirects()) {
                    throw new FetchFailure("too many redirects (more than " + config.maxRedirects() + ")");
                }
                current = redirectTarget(current, status, response);
                LOG.debug("URL pull redirected status={} to={}", status, current);
                continue;
            }
            if (status < 200 || status > 299) {
                discard(response);
                throw new FetchFailure("source answered HTTP " + status);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > config.maxBytes()) {
                discard(response);
                throw tooLarge();
            }
            return receive(response, sink);
        }
    }

    private StagedFile receive(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Sink sink)
            throws FetchFailure, InterruptedException {
        try (IdleTimeoutBody body = new IdleTimeoutBody(config.readTimeout())) {
            response.body().subscribe(body);
            StagedFile staged = sink.receive(Channels.newChannel(body), config.maxBytes());
            if (staged.checksums().size() == 0) {
                staged.discard();
                throw new FetchFailure("source returned an empty body");
            }
            return staged;
        } catch (BodyTooLargeException e) {
            throw tooLarge();
        } catch (IdleTimeoutBody.IdleTimeoutException e) {
            throw new FetchFailure("timed out after " + Sizes.seconds(config.readTimeout()) + " reading", e);
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while reading the source");
            }
            throw new FetchFailure("reading the source failed: " + describe(e), e);
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(URI uri) throws FetchFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchFailure("timed out after " + Sizes.seconds(config.connectTimeout()) + " connecting", e);
        } catch (HttpTimeoutException e) {
            throw new FetchFailure(
                    "timed out after " + Sizes.seconds(config.readTimeout()) + " waiting for the response", e);
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class)) {
                throw new FetchFailure("host not found: " + uri.getHost(), e);
            }
            throw new FetchFailure("connection refused by " + uri.getHost() + ":" + port(uri), e);
        } catch (IOException e) {
            throw new FetchFailure("request failed: " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("not a fetchable URL: " + uri, e);
        }
    }

    /** The port a connection to {@code uri} uses: the explicit one, else 80 or 443 by scheme. */
    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI redirectTarget(URI from, int status, HttpResponse<?> response) throws FetchFailure {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new FetchFailure("source answered HTTP " + status + " without a Location"));
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("source redirected to an invalid URL: " + location, e);
        }
    }

    private void checkTarget(URI uri, boolean redirected) throws FetchFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure((redirected
                            ? "redirect to a non-http(s) URL refused: "
                            : "only http and https URLs can be pulled: ")
                    + uri);
        }
        if (uri.getHost() == null) {
            throw new FetchFailure("the URL has no host: " + uri);
        }
        guard.check(uri);
    }

    /** Releases the connection of a response whose body is not wanted. */
    private static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        IdleTimeoutBody body = new IdleTimeoutBody(java.time.Duration.ofMillis(1));
        response.body().subscribe(body);
        body.close();
    }

    private FetchFailure tooLarge() {
        return new FetchFailure("source is larger than the " + Sizes.bytes(config.maxBytes()) + " limit");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
