package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.UrlPullConfig;
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

/**
 * Jetty's HTTP/1.1 client set up for URL pulls: it connects only to the addresses {@link SourceGuard#vet} answered
 * (through {@link VettedResolver}), while the request keeps the URL's host for the Host header, TLS SNI and the
 * certificate's host name check. Redirects, cookies and content decoding are off (the fetcher follows redirects
 * itself and stores the bytes as served); the connect time-out is {@link UrlPullConfig#connectTimeout()} and the
 * idle time-out (the longest silence of a source, before and within the response)
 * {@link UrlPullConfig#readTimeout()}. Its threads are daemons and end when the client is stopped.
 */
final class PullClient {
    private static final String USER_AGENT = "vodkit-emulator-url-pull";
    /** Jetty's selector and the tasks around each running fetch; idle threads above one end after a minute. */
    private static final int BASE_THREADS = 8;

    private PullClient() {}

    /**
     * Starts a client.
     *
     * @param tls the TLS context whose trust decides which certificates are accepted; empty for the JVM's default
     */
    static HttpClient start(UrlPullConfig config, SourceGuard guard, Optional<SSLContext> tls) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(BASE_THREADS + config.workers(), 1);
        threads.setName("vodkit-pull-http");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        SslContextFactory.Client certificates = new SslContextFactory.Client(); // checks the host name (HTTPS)
        tls.ifPresent(certificates::setSslContext);
        connector.setSslContextFactory(certificates);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("vodkit-pull-http-scheduler", true));
        client.setSocketAddressResolver(new VettedResolver(guard, threads));
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setIdleTimeout(config.readTimeout().toMillis());
        client.setFollowRedirects(false);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        client.setCookieStore(new HttpCookieStore.Empty());
        client.start();
        // added by start(): no Accept-Encoding, no gzip decoding; the stored object is the bytes the source sent
        client.getContentDecoderFactories().clear();
        return client;
    }
}
