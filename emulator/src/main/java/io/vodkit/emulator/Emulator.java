package io.vodkit.emulator;

import io.vodkit.emulator.console.ConsoleEndpoint;
import io.vodkit.emulator.db.Database;
import io.vodkit.emulator.owner.DataDirOwnedException;
import io.vodkit.emulator.owner.DataDirOwner;
import io.vodkit.emulator.owner.DataDirUnsafeException;
import io.vodkit.emulator.owner.Lifetime;
import io.vodkit.emulator.owner.OwnerInfo;
import io.vodkit.emulator.routing.HttpServer;
import io.vodkit.emulator.service.PublicAddress;
import io.vodkit.emulator.service.WorkflowTemplate;
import io.vodkit.emulator.storage.PrivateFiles;
import io.vodkit.emulator.tls.LocalCertificates;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local BytePlus VOD service: OpenAPI, upload gateway and play domain on one HTTP listener, state in
 * {@code <dataDir>/vodkit.db} and {@code <dataDir>/objects}. Ready when {@link #start} returns; close it to stop.
 * One emulator at a time owns a data folder, across processes ({@link DataDirOwner}), and publishes there how to
 * reach it while it serves.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    static final String DATABASE_FILE = "vodkit.db";
    private static final String PORT_SETTING = "http.port";

    private final Components components;
    private final Database database;
    private final HttpServer server;
    private final String advertisedHost;
    private final Optional<LocalCertificates> tls;
    private final DataDirOwner owner;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Emulator(Components components, Database database, HttpServer server, String advertisedHost,
                     Optional<LocalCertificates> tls, DataDirOwner owner) {
        this.components = components;
        this.database = database;
        this.server = server;
        this.advertisedHost = advertisedHost;
        this.tls = tls;
        this.owner = owner;
    }

    /** Starts a long-lived emulator with the system clock. */
    public static Emulator start(EmulatorConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** Starts a long-lived emulator. */
    public static Emulator start(EmulatorConfig config, Clock clock) throws IOException {
        return start(config, clock, Lifetime.LONG_LIVED);
    }

    /** Starts with the system clock. */
    public static Emulator start(EmulatorConfig config, Lifetime lifetime) throws IOException {
        return start(config, Clock.systemUTC(), lifetime);
    }

    /**
     * Takes the data directory (creating it mode 700, narrowing an existing one to 700), opens (creating, checking and
     * migrating) its database, binds the port (over HTTPS with the data directory's certificates when the config asks
     * for TLS), starts serving and publishes how to reach it in the data directory ({@link DataDirOwner}).
     *
     * @param clock    the time source for signatures, tokens, URL auth and expiry (tests inject one)
     * @param lifetime published for other vodkit processes: run until stopped, or in the background until idle
     * @throws DataDirOwnedException when another emulator owns the data directory (nothing was opened)
     * @throws BindException         when an explicitly requested port cannot be bound
     * @throws DataDirUnsafeException when users other than its owner can write into the data directory
     * @throws io.vodkit.emulator.db.DatabaseDamagedException when its database is damaged
     */
    public static Emulator start(EmulatorConfig config, Clock clock, Lifetime lifetime) throws IOException {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(lifetime, "lifetime == null");
        Path dataDir = privateDataDir(config.dataDir());
        DataDirOwner owner = DataDirOwner.acquire(dataDir);
        Database database;
        try {
            database = Database.open(dataDir.resolve(DATABASE_FILE));
        } catch (IOException | RuntimeException e) {
            owner.close();
            throw e;
        }
        Emulator emulator;
        try {
            Components components = new Components(config, clock, dataDir, database);
            components.prepare();
            String advertisedHost = advertisedHost(config.host());
            Optional<LocalCertificates> tls = config.tls()
                    ? Optional.of(LocalCertificates.ensure(dataDir, config.host(), clock)) : Optional.empty();
            HttpServer server = bind(components, advertisedHost, tls);
            components.settings.put(PORT_SETTING, String.valueOf(server.port()));
            components.enhanceWorkers.start();
            components.pullWorkers.start();
            components.startSweeps();
            emulator = new Emulator(components, database, server, advertisedHost, tls, owner);
        } catch (IOException | RuntimeException e) {
            try {
                database.close();
            } finally {
                owner.close();
            }
            throw e;
        }
        try {
            owner.publish(new OwnerInfo(emulator.endpoint(), emulator.region(), emulator.accessKey(),
                    emulator.secretKey(), ProcessHandle.current().pid(), lifetime,
                    emulator.caCertificate().orElse(null), emulator.consoleUrl()));
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        LOG.info("Emulator ready endpoint={} dataDir={} spaces={} accessKey={} generatedCredentials={} lifetime={}",
                emulator.endpoint(), dataDir, emulator.spaces(), emulator.accessKey(),
                emulator.generatedCredentials(), lifetime);
        return emulator;
    }

    /** The data directory, private to its owner; refused when others can write into it. */
    private static Path privateDataDir(Path dataDir) throws IOException {
        String permissions = PrivateFiles.othersCanWrite(dataDir);
        if (!permissions.isEmpty()) {
            throw new DataDirUnsafeException(dataDir, permissions);
        }
        return PrivateFiles.directory(dataDir);
    }

    private static HttpServer bind(Components components, String advertisedHost, Optional<LocalCertificates> tls)
            throws IOException {
        EmulatorConfig config = components.config;
        int port = config.port();
        if (port == EmulatorConfig.STICKY_PORT) {
            port = components.settings.find(PORT_SETTING).map(Integer::parseInt).orElse(0);
        }
        try {
            return start(components, advertisedHost, tls, port);
        } catch (BindException e) {
            if (config.port() != EmulatorConfig.STICKY_PORT || port == 0) {
                throw e;
            }
            LOG.info("Previous port is taken, binding any free port port={}", port);
            return start(components, advertisedHost, tls, 0);
        }
    }

    private static HttpServer start(Components components, String advertisedHost, Optional<LocalCertificates> tls,
                                    int port) throws IOException {
        Optional<Instant> expiry = tls.map(LocalCertificates::serverNotAfter);
        return HttpServer.start(components.config.host(), port, tls.map(LocalCertificates::serverContext),
                components.stats, components.network(), boundPort -> components.endpoints(new PublicAddress() {
                    @Override
                    public String hostPort() {
                        return Emulator.hostPort(advertisedHost, boundPort.getAsInt());
                    }

                    @Override
                    public Optional<Instant> certificateExpiry() {
                        return expiry;
                    }
                }));
    }

    /**
     * {@code http://<host>:<port>}, or {@code https://…} when serving TLS; a wildcard bind address is advertised as
     * 127.0.0.1.
     */
    public URI endpoint() {
        return URI.create((tls.isPresent() ? "https" : "http") + "://" + hostPort(advertisedHost, port()));
    }

    /** The CA certificate (PEM) that clients trust to reach it over HTTPS; empty when it serves plain HTTP. */
    public Optional<Path> caCertificate() {
        return tls.map(LocalCertificates::caCertFile);
    }

    public int port() {
        return server.port();
    }

    /** The web console's address, with this run's token: whoever has it can read and change the space. */
    public URI consoleUrl() {
        return URI.create(endpoint() + ConsoleEndpoint.PATH + "/" + components.consoleToken.query());
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

    /**
     * How long it has gone unused: zero while a request is being served or a URL pull or restoration is unfinished,
     * else the time since the last request ended (or since it started).
     */
    public Duration idleTime() {
        if (components.executionRepository.countUnfinished() > 0 || components.urlJobs.countUnfinished() > 0) {
            return Duration.ZERO;
        }
        return components.stats.sinceLastRequest();
    }

    /**
     * Defines (or redefines) a workflow template that StartWorkflow can name; kept in the data folder.
     *
     * @throws IllegalStateException without ffmpeg
     */
    public void defineWorkflowTemplate(WorkflowTemplate template) {
        components.workflows.define(template);
    }

    /** True when the credentials were generated (none were configured); the data directory keeps them. */
    public boolean generatedCredentials() {
        return components.config.accessKey() == null;
    }

    /**
     * Withdraws what it published, stops HTTP (waiting briefly for in-flight requests), the restoration and URL pull
     * workers (an interrupted job is re-queued at the next start), closes the database and releases the data
     * directory. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            owner.withdraw();
        } catch (IOException e) {
            LOG.warn("Cannot withdraw the published address dataDir={}: {}", components.dataDir, e.toString());
        }
        try {
            server.close();
        } finally {
            try {
                components.stopSweeps();
                components.enhanceWorkers.close();
            } finally {
                try {
                    components.stopPulls();
                } finally {
                    try {
                        database.close();
                    } finally {
                        release();
                    }
                }
            }
        }
    }

    private void release() {
        try {
            owner.close();
            LOG.info("Emulator stopped dataDir={}", components.dataDir);
        } catch (IOException e) {
            LOG.warn("Cannot release the data directory dataDir={}: {}", components.dataDir, e.toString());
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
