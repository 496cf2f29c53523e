package io.vodkit.emulator;

import io.vodkit.emulator.internal.Handles;
import io.vodkit.emulator.internal.Service;
import io.vodkit.emulator.internal.console.ConsoleEndpoint;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.owner.DataDirOwner;
import io.vodkit.emulator.internal.routing.HttpServer;
import io.vodkit.emulator.internal.service.PublicAddress;
import io.vodkit.emulator.internal.storage.PrivateFiles;
import io.vodkit.emulator.internal.tls.LocalCertificates;
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
 * One emulator at a time owns a data folder, across processes ({@link DataFolder}), and publishes there how to
 * reach it while it serves.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    static final String DATABASE_FILE = "vodkit.db";

    private final EmulatorConfig config;
    private final Path dataDir;
    private final Service service;
    private final HttpServer server;
    private final String advertisedHost;
    private final Optional<LocalCertificates> tls;
    /** The owner lock, the database, the background work and the listener, closed in reverse order. */
    private final Handles handles;

    private final AtomicBoolean closed = new AtomicBoolean();

    private Emulator(
            EmulatorConfig config,
            Path dataDir,
            Service service,
            HttpServer server,
            String advertisedHost,
            Optional<LocalCertificates> tls,
            Handles handles) {
        this.config = config;
        this.dataDir = dataDir;
        this.service = service;
        this.server = server;
        this.advertisedHost = advertisedHost;
        this.tls = tls;
        this.handles = handles;
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
     * for TLS), starts serving and publishes how to reach it in the data directory ({@link DataFolder}).
     *
     * @param clock    the time source for signatures, tokens, URL auth and expiry (tests inject one)
     * @param lifetime published for other vodkit processes: run until stopped, or in the background until idle
     * @throws DataDirOwnedException when another emulator owns the data directory (nothing was opened)
     * @throws BindException         when an explicitly requested port cannot be bound
     * @throws DataDirUnsafeException when users other than its owner can write into the data directory
     * @throws io.vodkit.emulator.DatabaseDamagedException when its database is damaged
     */
    public static Emulator start(EmulatorConfig config, Clock clock, Lifetime lifetime) throws IOException {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(lifetime, "lifetime == null");
        Path dataDir = privateDataDir(config.dataDir());
        Handles handles = new Handles();
        DataDirOwner owner = handles.add(DataDirOwner.acquire(dataDir));
        Emulator emulator;
        try {
            Database database = handles.add(Database.open(dataDir.resolve(DATABASE_FILE)));
            Service service = Service.open(config, clock, dataDir, database);
            String host = config.network().host();
            String advertisedHost = advertisedHost(host);
            Optional<LocalCertificates> tls = config.network().tls()
                    ? Optional.of(LocalCertificates.ensure(dataDir, host, clock))
                    : Optional.empty();
            HttpServer server = owner.bind(
                    config.network().port(),
                    service.store().settings(),
                    port -> listen(config, service, advertisedHost, tls, port),
                    HttpServer::port);
            service.start(handles);
            handles.add(server);
            emulator = new Emulator(config, dataDir, service, server, advertisedHost, tls, handles);
        } catch (IOException | RuntimeException e) {
            handles.close();
            throw e;
        }
        try {
            owner.publish(new OwnerInfo(
                    emulator.endpoint(),
                    emulator.region(),
                    emulator.accessKey(),
                    emulator.secretKey(),
                    ProcessHandle.current().pid(),
                    lifetime,
                    emulator.caCertificate().orElse(null),
                    emulator.consoleUrl()));
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        handles.add(() -> withdraw(owner, dataDir));
        LOG.info(
                "Emulator ready endpoint={} dataDir={} spaces={} accessKey={} generatedCredentials={} lifetime={}",
                emulator.endpoint(),
                dataDir,
                emulator.spaces(),
                emulator.accessKey(),
                emulator.generatedCredentials(),
                lifetime);
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

    private static HttpServer listen(
            EmulatorConfig config, Service service, String advertisedHost, Optional<LocalCertificates> tls, int port)
            throws IOException {
        Optional<Instant> expiry = tls.map(LocalCertificates::serverNotAfter);
        return HttpServer.start(
                config.network().host(),
                port,
                tls.map(LocalCertificates::serverContext),
                service.stats(),
                service.network(),
                boundPort -> service.endpoints(new PublicAddress() {
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

    /** Stops telling other processes how to reach it, first thing when it stops. */
    private static void withdraw(DataDirOwner owner, Path dataDir) {
        try {
            owner.withdraw();
        } catch (IOException e) {
            LOG.warn("Cannot withdraw the published address dataDir={}: {}", dataDir, e.toString());
        }
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
        return URI.create(
                endpoint() + ConsoleEndpoint.PATH + "/" + service.consoleToken().query());
    }

    public String accessKey() {
        return service.access().accessKey();
    }

    public String secretKey() {
        return service.access().secretKey();
    }

    public String region() {
        return config.account().region();
    }

    /** Every space known: the configured ones plus those the data directory remembers, sorted by name. */
    public List<String> spaces() {
        return service.store().spaces().all();
    }

    /**
     * How long it has gone unused: zero while a request is being served or a URL pull or restoration is unfinished,
     * else the time since the last request ended (or since it started).
     */
    public Duration idleTime() {
        if (service.restorations().repository().countUnfinished() > 0
                || service.pulls().jobs().countUnfinished() > 0) {
            return Duration.ZERO;
        }
        return service.stats().sinceLastRequest();
    }

    /**
     * Defines (or redefines) a workflow template that StartWorkflow can name; kept in the data folder.
     *
     * @throws IllegalStateException without ffmpeg
     */
    public void defineWorkflowTemplate(WorkflowTemplate template) {
        service.restorations().workflows().define(template);
    }

    /** True when the credentials were generated (none were configured); the data directory keeps them. */
    public boolean generatedCredentials() {
        return config.account().accessKey() == null;
    }

    /**
     * Withdraws what it published, stops HTTP (waiting briefly for in-flight requests), the upload sweeper, the
     * restoration and URL pull workers (an interrupted job is re-queued at the next start) and the workflow runs,
     * closes the database and releases the data directory. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            handles.close();
        } finally {
            LOG.info("Emulator stopped dataDir={}", dataDir);
        }
    }

    private static String advertisedHost(String host) {
        return Optional.of(host)
                .filter(h -> !h.equals("0.0.0.0") && !h.equals("::") && !h.equals("[::]"))
                .orElse("127.0.0.1");
    }

    private static String hostPort(String host, int port) {
        boolean ipv6 = host.contains(":") && !host.startsWith("[");
        return (ipv6 ? "[" + host + "]" : host) + ":" + port;
    }
}
