package io.vodkit.emulator.routing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.util.JavalinBindException;
import io.vodkit.emulator.console.ConsoleEndpoint;
import io.vodkit.emulator.faults.FaultInjector;
import io.vodkit.emulator.service.ServerStats;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Function;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP (or, with TLS, HTTPS-only) listener (Javalin 6 on Jetty 11, bounded named thread pool) serving
 * OpenAPI on {@code /}, the upload gateway ({@code PUT /<StoreUri>}, {@code GET /<StoreUri>?uploadID=}), downloads
 * ({@code GET|HEAD /<FileName>}), {@code /_vodkit/stats} and the console ({@code /console/}); a
 * {@link FaultInjector} in front of them when faults are planned.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int QUEUE_CAPACITY = 1024;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /** The handlers behind the listener, and the simulated link they are reached over. */
    public record Endpoints(OpenApiEndpoint openApi, GatewayEndpoint gateway, DownloadEndpoint download,
                            StatsEndpoint stats, ConsoleEndpoint console, LinkShaper link) {
    }

    private final Javalin app;
    private final RequestGate gate;
    private final FaultInjector faults;

    private HttpServer(Javalin app, RequestGate gate, FaultInjector faults) {
        this.app = app;
        this.gate = gate;
        this.faults = faults;
    }

    /**
     * Binds {@code host:port} (0 = any free port) and starts serving.
     *
     * @param tls    when present, the listener speaks HTTPS only, with this server context (HTTP/1.1)
     * @param wiring builds the endpoints, given a supplier of the port actually bound
     * @throws BindException when the port cannot be bound
     */
    public static HttpServer start(String host, int port, Optional<SSLContext> tls, ServerStats stats,
                                   FaultInjector faults, Function<IntSupplier, Endpoints> wiring)
            throws IOException {
        checkFree(host, port);
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MILLIS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY));
        pool.setName("vodkit-emulator-http");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.disableCompression();
            config.jetty.threadPool = pool;
            // header values exactly as sent: Jetty's header cache would otherwise hand back its own spelling of a
            // well-known value (charset=UTF-8 for charset=utf-8) and break signatures over content-type
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            tls.ifPresent(context -> config.jetty.addConnector((server, http) -> httpsConnector(server, http,
                    context, host, port)));
            if (faults.enabled()) {
                config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(faults), "/*",
                        EnumSet.of(DispatcherType.REQUEST)));
            }
        });
        RequestGate gate = new RequestGate();
        Endpoints endpoints = wiring.apply(app::port);
        register(app, gate, stats, endpoints);
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            app.stop();
            BindException bind = new BindException("cannot bind " + host + ":" + port + ": " + e.getMessage());
            bind.initCause(e);
            throw bind;
        }
        return new HttpServer(app, gate, faults);
    }

    /** One HTTPS connector on {@code host:port}; Javalin then adds no plain one. */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, SSLContext context,
                                                  String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach it by IP address too, which carries no SNI
        http.addCustomizer(secure); // Javalin's own configuration: this is its only connector
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    public int port() {
        return app.port();
    }

    /**
     * Fails fast, before Jetty starts (and logs an error of its own), when {@code host:port} is taken; binding with
     * the same address reuse as Jetty, so a port just released is still accepted.
     */
    private static void checkFree(String host, int port) throws BindException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            BindException bind = new BindException("cannot bind " + host + ":" + port + ": " + e.getMessage());
            bind.initCause(e);
            throw bind;
        }
    }

    /** Ends injected stalls, refuses new requests, waits briefly for in-flight ones, then stops Jetty. */
    @Override
    public void close() {
        faults.close();
        int left = gate.closeAndAwait(SHUTDOWN_GRACE);
        if (left > 0) {
            LOG.warn("Stopping with requests still in flight count={} graceMillis={}", left,
                    SHUTDOWN_GRACE.toMillis());
        }
        app.stop();
    }

    private static void register(Javalin app, RequestGate gate, ServerStats stats, Endpoints endpoints) {
        // the stats query itself is neither counted nor delayed: it observes the service, it is not traffic
        LinkShaper link = endpoints.link();
        app.addHttpHandler(HandlerType.GET, StatsEndpoint.PATH,
                gated(gate, null, LinkShaper.off(), endpoints.stats()::handle));
        // before "/*": the console is neither counted nor shaped, it watches the service like the stats query
        endpoints.console().routes((method, path, handler) ->
                app.addHttpHandler(method, path, gated(gate, null, LinkShaper.off(), handler)));
        app.addHttpHandler(HandlerType.GET, "/", gated(gate, stats, link, endpoints.openApi()::handle));
        app.addHttpHandler(HandlerType.POST, "/", gated(gate, stats, link, endpoints.openApi()::handle));
        app.addHttpHandler(HandlerType.PUT, "/", gated(gate, stats, link, endpoints.openApi()::methodNotAllowed));
        app.addHttpHandler(HandlerType.GET, "/*", gated(gate, stats, link, ctx -> {
            if (GatewayEndpoint.isGatewayGet(ctx)) {
                endpoints.gateway().get(ctx);
            } else {
                endpoints.download().get(ctx);
            }
        }));
        app.addHttpHandler(HandlerType.HEAD, "/*", gated(gate, stats, link, endpoints.download()::head));
        app.addHttpHandler(HandlerType.PUT, "/*", gated(gate, stats, link, endpoints.gateway()::put));
    }

    /**
     * Wraps {@code handler} in the shutdown gate; counts the request unless {@code stats} is null, and delays its
     * response by the link's latency.
     */
    private static Handler gated(RequestGate gate, ServerStats stats, LinkShaper link, Handler handler) {
        return (Context ctx) -> {
            if (!gate.enter()) {
                ctx.status(503).contentType("text/plain; charset=utf-8").result("Service Unavailable");
                return;
            }
            if (stats != null) {
                stats.requestStarted();
            }
            try {
                handler.handle(ctx);
                link.delayResponse();
            } finally {
                if (stats != null) {
                    stats.requestFinished();
                }
                gate.leave();
            }
        };
    }
}
