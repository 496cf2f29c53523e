package io.vodkit.emulator.internal.pull;

import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.http.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.HttpCookieStore;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's HTTP/1.1 client for the connections the emulator makes to URLs its users give (URL-pull sources, callback
 * receivers): it connects only to the addresses {@link SourceGuard#vet} answered (through {@link VettedResolver}),
 * while the request keeps the URL's host for the Host header, TLS SNI and the certificate's host name check, so a
 * name cannot answer the guard one address and the connection another. Redirects, cookies and content decoding are
 * off (the caller follows redirects itself; bytes stay as served).
 *
 * <p>Made by the first {@link #client()}: a started client keeps a thread pool and a selector thread waiting in
 * native code, which a CLI run that never connects should neither start nor wait for at exit. Its threads are
 * daemons; {@link #close} stops it.
 */
public final class GuardedHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedHttp.class);

    /**
     * How the client behaves.
     *
     * @param name           names its threads
     * @param threads        its thread pool's bound: Jetty's selector and the tasks around each request
     * @param connectTimeout the longest a connection may take to open
     * @param idleTimeout    the longest silence of the other side, before and within the response
     * @param userAgent      its {@code User-Agent}
     */
    public record Settings(String name, int threads, Duration connectTimeout, Duration idleTimeout, String userAgent) {}

    private final Settings settings;
    private final SourceGuard guard;
    private final Optional<SSLContext> tls;
    private HttpClient client;
    private boolean closed;

    /** @param tls the TLS context whose trust decides which certificates are accepted; empty for the JVM's */
    public GuardedHttp(Settings settings, SourceGuard guard, Optional<SSLContext> tls) {
        this.settings = settings;
        this.guard = guard;
        this.tls = tls;
    }

    /**
     * The started client.
     *
     * @throws InterruptedException once closed (the emulator is stopping)
     */
    public synchronized HttpClient client() throws InterruptedException {
        if (closed) {
            throw new InterruptedException("the " + settings.name() + " HTTP client is closed");
        }
        if (client == null) {
            try {
                client = start();
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot start the " + settings.name() + " HTTP client: " + e.getMessage(), e);
            }
        }
        return client;
    }

    private HttpClient start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(settings.threads(), 1);
        threads.setName(settings.name());
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        SslContextFactory.Client certificates = new SslContextFactory.Client(); // checks the host name (HTTPS)
        tls.ifPresent(certificates::setSslContext);
        connector.setSslContextFactory(certificates);
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler(settings.name() + "-scheduler", true));
        http.setSocketAddressResolver(new VettedResolver(guard, threads));
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
        http.setCookieStore(new HttpCookieStore.Empty());
        http.start();
        // added by start(): no Accept-Encoding, no gzip decoding; the bytes stay as the other side sent them
        http.getContentDecoderFactories().clear();
        return http;
    }

    /** Stops the client, if one was made; {@link #client()} fails as interrupted after this. */
    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.warn("The {} HTTP client did not stop cleanly: {}", settings.name(), e.toString());
            }
            client = null;
        }
    }
}
