package io.vodkit.emulator.internal.routing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.util.JavalinBindException;
import io.vodkit.emulator.internal.console.ConsoleEndpoint;
import io.vodkit.emulator.internal.service.ServerStats;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Function;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
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
 * ({@code GET|HEAD /<FileName>}), {@code /_vodkit/stats} and the console ({@code /console/}); the
 * {@link RequestFilter}s it is given (the network lab) in front of the service, never of the stats or the console.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int QUEUE_CAPACITY = 1024;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /**
     * Bytes read from a connection at a time (Jetty's default is 8 KiB): a GiB of upload parts is 4 096 reads instead
     * of 131 072, each with its system call and Jetty's hand-over of the chunk. At most one such buffer per connection
     * being read, and the pool bounds the connections served at once.
     */
    static final int INPUT_BUFFER_BYTES = 64 * 1024;

    /** The handlers behind the listener. */
    public record Endpoints(
            OpenApiEndpoint openApi,
            GatewayEndpoint gateway,
            DownloadEndpoint download,
            StatsEndpoint stats,
            ConsoleEndpoint console) {}

    private final Javalin app;
    private final RequestGate gate;
    private final List<RequestFilter> filters;

    private HttpServer(Javalin app, RequestGate gate, List<RequestFilter> filters) {
        this.app = app;
        this.gate = gate;
        this.filters = filters;
    }

    /**
     * Binds {@code host:port} (0 = any free port) and starts serving.
     *
     * @param tls     when present, the listener speaks HTTPS only, with this server context (HTTP/1.1)
     * @param filters applied in order to every service request; closed by {@link #close()}
     * @param wiring  builds the endpoints, given a supplier of the port actually bound
     * @throws BindException when the port cannot be bound
     */
    public static HttpServer start(
            String host,
            int port,
            Optional<SSLContext> tls,
            ServerStats stats,
            List<RequestFilter> filters,
            Function<IntSupplier, Endpoints> wiring)
            throws IOException {
        checkFree(host, port);
        QueuedThreadPool pool = new QueuedThreadPool(
                MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MILLIS, new ArrayBlockingQueue<>(QUEUE_CAPACITY));
        pool.setName("vodkit-emulator-http");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.disableCompression();
            config.jetty.threadPool = pool;
            // header values exactly as sent: Jetty's header cache would otherwise hand back its own spelling of a
            // well-known value (charset=UTF-8 for charset=utf-8) and break signatures over content-type
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.jetty.addConnector((server, http) -> tls.isPresent()
                    ? httpsConnector(server, http, tls.get(), host, port)
                    : connector(server, host, port, http1(http)));
            if (!filters.isEmpty()) {
                Filter service = serviceFilter(List.copyOf(filters));
                config.jetty.modifyServletContextHandler(handler ->
                        handler.addFilter(new FilterHolder(service), "/*", EnumSet.of(DispatcherType.REQUEST)));
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
        return new HttpServer(app, gate, List.copyOf(filters));
    }

    /** One servlet filter passing each service request through {@code filters} in order, and others past them. */
    private static Filter serviceFilter(List<RequestFilter> filters) {
        return (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            if (watchesTheService(request.getRequestURI())) {
                chain.doFilter(req, res);
            } else {
                through(filters, 0, chain).doFilter(request, res);
            }
        };
    }

    /** The chain from {@code filters[index]} on, ending in the service's own {@code last}. */
    private static FilterChain through(List<RequestFilter> filters, int index, FilterChain last) {
        if (index == filters.size()) {
            return last;
        }
        return (req, res) -> filters.get(index)
                .filter((HttpServletRequest) req, (HttpServletResponse) res, through(filters, index + 1, last));
    }

    /** The stats query and the console: they watch the service, they are not its traffic. */
    private static boolean watchesTheService(String path) {
        return path.equals(StatsEndpoint.PATH)
                || path.equals(ConsoleEndpoint.PATH)
                || path.startsWith(ConsoleEndpoint.PATH + "/");
    }

    /** One HTTPS connector on {@code host:port}; Javalin then adds no plain one. */
    private static ServerConnector httpsConnector(
            Server server, HttpConfiguration http, SSLContext context, String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach it by IP address too, which carries no SNI
        http.addCustomizer(secure); // Javalin's own configuration: this is its only connector
        return connector(
                server, host, port, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), http1(http));
    }

    /** HTTP/1.1 over {@code http}, reading {@value #INPUT_BUFFER_BYTES} bytes at a time. */
    private static HttpConnectionFactory http1(HttpConfiguration http) {
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        factory.setInputBufferSize(INPUT_BUFFER_BYTES);
        return factory;
    }

    /** The emulator's one connector, on {@code host:port}: Javalin then adds none of its own. */
    private static ServerConnector connector(Server server, String host, int port, ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
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

    /** Ends what the filters hold up, refuses new requests, waits briefly for in-flight ones, then stops Jetty. */
    @Override
    public void close() {
        filters.forEach(RequestFilter::close);
        int left = gate.closeAndAwait(SHUTDOWN_GRACE);
        if (left > 0) {
            LOG.warn("Stopping with requests still in flight count={} graceMillis={}", left, SHUTDOWN_GRACE.toMillis());
        }
        app.stop();
    }

    private static void register(Javalin app, RequestGate gate, ServerStats stats, Endpoints endpoints) {
        // the stats query itself is not counted: it observes the service, it is not traffic
        app.addHttpHandler(HandlerType.GET, StatsEndpoint.PATH, gated(gate, null, endpoints.stats()::handle));
        // before "/*": the console is not counted, it watches the service like the stats query
        endpoints
                .console()
                .routes((method, path, handler) -> app.addHttpHandler(method, path, gated(gate, null, handler)));
        app.addHttpHandler(HandlerType.GET, "/", gated(gate, stats, endpoints.openApi()::handle));
        app.addHttpHandler(HandlerType.POST, "/", gated(gate, stats, endpoints.openApi()::handle));
        app.addHttpHandler(HandlerType.PUT, "/", gated(gate, stats, endpoints.openApi()::methodNotAllowed));
        app.addHttpHandler(HandlerType.GET, "/*", gated(gate, stats, ctx -> {
            if (GatewayEndpoint.isGatewayGet(ctx)) {
                endpoints.gateway().get(ctx);
            } else {
                endpoints.download().get(ctx);
            }
        }));
        app.addHttpHandler(HandlerType.HEAD, "/*", gated(gate, stats, endpoints.download()::head));
        app.addHttpHandler(HandlerType.PUT, "/*", gated(gate, stats, endpoints.gateway()::put));
    }

    /** Wraps {@code handler} in the shutdown gate; counts the request unless {@code stats} is null. */
    private static Handler gated(RequestGate gate, ServerStats stats, Handler handler) {
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
            } finally {
                if (stats != null) {
                    stats.requestFinished();
                }
                gate.leave();
            }
        };
    }
}
