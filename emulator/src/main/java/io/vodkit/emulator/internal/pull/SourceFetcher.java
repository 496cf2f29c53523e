package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.internal.storage.BodyTooLargeException;
import io.vodkit.emulator.internal.storage.StagedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.util.InputStreamResponseListener;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a URL pull source with {@link GuardedHttp}, which connects only to addresses {@link SourceGuard} vetted
 * in the same lookup: connect and read time-outs, redirects followed here (at most
 * {@link UrlPullConfig#maxRedirects()}, http and https only, each target vetted), a size limit, and the body streamed
 * into a {@link Sink}. Every way it can fail becomes a {@link FetchFailure} with a readable reason. Closing stops
 * the client.
 */
public final class SourceFetcher implements AutoCloseable {

    /** Where the body goes: streams {@code body} (at most {@code maxBytes}) into a staged file. */
    @FunctionalInterface
    public interface Sink {
        StagedFile receive(ReadableByteChannel body, long maxBytes) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "vodkit-emulator-url-pull";
    /** Jetty's selector and the tasks around each running fetch; idle threads above one end after a minute. */
    private static final int BASE_THREADS = 8;

    private final UrlPullConfig config;
    private final GuardedHttp http;

    /**
     * A fetcher that accepts the certificates the JVM trusts.
     *
     * @param guard refuses sources (and redirect targets) the emulator must not connect to, and resolves their hosts
     */
    public SourceFetcher(UrlPullConfig config, SourceGuard guard) {
        this(config, guard, Optional.empty());
    }

    /** As {@link #SourceFetcher(UrlPullConfig, SourceGuard)}, trusting what {@code tls} trusts. */
    SourceFetcher(UrlPullConfig config, SourceGuard guard, SSLContext tls) {
        this(config, guard, Optional.of(tls));
    }

    private SourceFetcher(UrlPullConfig config, SourceGuard guard, Optional<SSLContext> tls) {
        this.config = config;
        this.http = new GuardedHttp(
                new GuardedHttp.Settings(
                        "vodkit-pull-http",
                        BASE_THREADS + config.workers(),
                        config.connectTimeout(),
                        config.readTimeout(),
                        USER_AGENT),
                guard,
                tls);
    }

    /**
     * Fetches {@code source} into {@code sink}.
     *
     * @throws FetchFailure         the source cannot be fetched (reason in the message)
     * @throws InterruptedException the calling thread was interrupted, or the fetcher closed (the emulator is stopping)
     */
    public StagedFile fetch(URI source, Sink sink) throws FetchFailure, InterruptedException {
        URI current = source;
        for (int redirects = 0; ; redirects++) {
            checkTarget(current, redirects > 0);
            InputStreamResponseListener listener = new InputStreamResponseListener();
            Response response = send(current, listener);
            int status = response.getStatus();
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
            if (response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > config.maxBytes()) {
                discard(response);
                throw tooLarge();
            }
            return receive(listener, response, sink);
        }
    }

    private StagedFile receive(InputStreamResponseListener listener, Response response, Sink sink)
            throws FetchFailure, InterruptedException {
        try (InputStream body = listener.getInputStream()) {
            StagedFile staged = sink.receive(Channels.newChannel(body), config.maxBytes());
            if (staged.checksums().size() == 0) {
                staged.discard();
                throw new FetchFailure("source returned an empty body");
            }
            return staged;
        } catch (BodyTooLargeException e) {
            response.abort(e);
            throw tooLarge();
        } catch (IOException e) {
            response.abort(e);
            if (Thread.interrupted() || hasCause(e, ClosedByInterruptException.class)) {
                throw new InterruptedException("interrupted while reading the source");
            }
            if (hasCause(e, TimeoutException.class)) {
                throw new FetchFailure("timed out after " + Sizes.seconds(config.readTimeout()) + " reading", e);
            }
            throw new FetchFailure("reading the source failed: " + describe(e), e);
        }
    }

    /** Sends a GET for {@code uri} and waits for the response headers. */
    private Response send(URI uri, InputStreamResponseListener listener) throws FetchFailure, InterruptedException {
        Request request;
        try {
            request = http.client().newRequest(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("not a fetchable URL: " + uri, e);
        }
        request.send(listener);
        // Jetty's connect and idle time-outs end a silent source sooner; this also bounds a slow lookup or trickle
        long most = config.connectTimeout().plus(config.readTimeout()).toMillis();
        try {
            return listener.get(most, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (TimeoutException e) {
            request.abort(e);
            throw new FetchFailure(
                    "timed out after " + Sizes.seconds(Duration.ofMillis(most)) + " waiting for the response", e);
        } catch (ExecutionException e) {
            throw requestFailure(uri, e.getCause());
        }
    }

    /** The reason a request failed before its response: a refusal by the guard, the lookup, the connection. */
    private FetchFailure requestFailure(URI uri, Throwable failure) {
        Optional<FetchFailure> refused = cause(failure, FetchFailure.class);
        if (refused.isPresent()) {
            return new FetchFailure(refused.get().getMessage(), refused.get());
        }
        if (hasCause(failure, UnknownHostException.class)) {
            return new FetchFailure("host not found: " + uri.getHost(), failure);
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            return new FetchFailure(
                    "timed out after " + Sizes.seconds(config.connectTimeout()) + " connecting", failure);
        }
        if (hasCause(failure, TimeoutException.class)) {
            return new FetchFailure(
                    "timed out after " + Sizes.seconds(config.readTimeout()) + " waiting for the response", failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            return new FetchFailure("connection refused by " + uri.getHost() + ":" + SourceGuard.port(uri), failure);
        }
        return new FetchFailure("request failed: " + describe(failure), failure);
    }

    private static URI redirectTarget(URI from, int status, Response response) throws FetchFailure {
        String location = response.getHeaders().get(HttpHeader.LOCATION);
        if (location == null) {
            throw new FetchFailure("source answered HTTP " + status + " without a Location");
        }
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("source redirected to an invalid URL: " + location, e);
        }
    }

    /** A URL the fetcher may request; its host is vetted when the client resolves it to connect. */
    private static void checkTarget(URI uri, boolean redirected) throws FetchFailure {
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
    }

    /** Ends a response whose body is not wanted (its connection is closed, not reused). */
    private static void discard(Response response) {
        response.abort(new IOException("body not wanted"));
    }

    private FetchFailure tooLarge() {
        return new FetchFailure("source is larger than the " + Sizes.bytes(config.maxBytes()) + " limit");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Stops the client, if a fetch made one; a fetch after this fails as interrupted. */
    @Override
    public void close() {
        http.close();
    }
}
