package io.vodkit.emulator;

import io.vodkit.emulator.db.Database;
import io.vodkit.emulator.routing.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local BytePlus VOD service: OpenAPI, upload gateway and play domain on one HTTP listener, state in
 * {@code <dataDir>/vodkit.db} and {@code <dataDir>/objects}. Ready when {@link #start} returns; close it to stop.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    static final String DATABASE_FILE = "vodkit.db";
    private static final String PORT_SETTING = "http.port";

    private final Components components;
    private final Database database;
    private final HttpServer server;
    private final String advertisedHost;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Emulator(Components components, Database database, HttpServer server, String advertisedHost) {
        this.components = components;
        this.database = database;
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /** Starts with the system clock. */
    public static Emulator start(EmulatorConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /**
     * Opens (creating and migrating) the data directory, binds the port and starts serving.
     *
     * @param clock the time source for signatures, tokens, URL auth and expiry (tests inject one)
     * @throws BindException when an explicitly requested port cannot be bound
     */
    public static Emulator start(EmulatorConfig config, Clock clock) throws IOException {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(clock, "clock == null");
        Path dataDir = Files.createDirectories(config.dataDir());
        Database database = Database.open(dataDir.resolve(DATABASE_FILE));
        try {
            Components components = new Components(config, clock, dataDir, database);
            components.prepare();
            String advertisedHost = advertisedHost(config.host());
            HttpServer server = bind(components, advertisedHost);
            components.settings.put(PORT_SETTING, String.valueOf(server.port()));
            components.enhanceWorkers.start();
            components.pullWorkers.start();
            Emulator emulator = new Emulator(components, database, server, advertisedHost);
            LOG.info("Emulator ready endpoint={} dataDir={} spaces={} accessKey={} generatedCredentials={}",
                    emulator.endpoint(), dataDir, emulator.spaces(), components.accessKey,
                    emulator.generatedCredentials());
            return emulator;
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static HttpServer bind(Components components, String advertisedHost) throws IOException {
        EmulatorConfig config = components.config;
        int port = config.port();
        if (port == EmulatorConfig.STICKY_PORT) {
            port = components.settings.find(PORT_SETTING).map(Integer::parseInt).orElse(0);
        }
        try {
            return start(components, advertisedHost, port);
        } catch (BindException e) {
            if (config.port() != EmulatorConfig.STICKY_PORT || port == 0) {
                throw e;
            }
            LOG.info("Previous port is taken, binding any free port port={}", port);
            return start(components, advertisedHost, 0);
        }
    }

    private static HttpServer start(Components components, String advertisedHost, int port) throws IOException {
        return HttpServer.start(components.config.host(), port, components.stats, components.faults,
                boundPort -> components.endpoints(() -> hostPort(advertisedHost, boundPort.getAsInt())));
    }

    /** {@code http://<host>:<port>}; a wildcard bind address is advertised as 127.0.0.1. */
    public URI endpoint() {
        return URI.create("http://" + hostPort(advertisedHost, port()));
    }

    public int port() {
        return server.port();
    }

    public String accessKey() {
        return components.accessKey;
    }

    public String secretKey() {
        return components.secretKey;
    }

    public String region() {
        return components.config.region();
    }

    /** Every space known: the configured ones plus those the data directory remembers, sorted by name. */
    public List<String> spaces() {
        return components.spaces.all();
    }

    /** Makes {@code name} a known space, as if it had been configured (for an embedder that learns it late). */
    public void registerSpace(String name) {
        components.spaces.register(List.of(EmulatorConfig.checkSpaceName(name)));
    }

    /** True when the credentials were generated for this run (none were configured). */
    public boolean generatedCredentials() {
        return components.config.accessKey() == null;
    }

    /**
     * Stops HTTP (waiting briefly for in-flight requests), the restoration and URL pull workers (an interrupted job
     * is re-queued at the next start) and closes the database. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            try {
                components.enhanceWorkers.close();
            } finally {
                try {
                    components.stopPulls();
                } finally {
                    database.close();
                    LOG.info("Emulator stopped dataDir={}", components.dataDir);
                }
            }
        }
    }

    private static String advertisedHost(String host) {
        return Optional.of(host).filter(h -> !h.equals("0.0.0.0") && !h.equals("::") && !h.equals("[::]"))
                .orElse("127.0.0.1");
    }

    private static String hostPort(String host, int port) {
        boolean ipv6 = host.contains(":") && !host.startsWith("[");
        return (ipv6 ? "[" + host + "]" : host) + ":" + port;
    }
}
