package io.vodkit.emulator;

import io.soabase.recordbuilder.core.RecordBuilder;
import io.vodkit.emulator.internal.service.Limits;
import io.vodkit.emulator.internal.service.Spaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How to run an {@link Emulator}: its data folder plus one immutable value per concern ({@link Network},
 * {@link Account}, {@link Storage}, {@link Restoration}, URL pulls, {@link Lab}). Made by {@link #builder(Path)}, or
 * from another with {@link #newBuilder()}; each concern's compact constructor fills defaults and checks ranges, so a
 * bad value is refused by {@link Builder#build()} with a message naming it.
 *
 * <p>Each concern's builder and withers are generated at compile time ({@code @RecordBuilder}: e.g.
 * {@link EmulatorConfigNetworkBuilder}, {@code network.withPort(0)}), so adding a setting is one component in its
 * concern: {@code builder.network(n -> n.newSetting(x))} sets it, {@link #newBuilder()} copies it, and its range check
 * goes in the concern's compact constructor. The flat setters below are shortcuts for the settings callers use most.
 */
public final class EmulatorConfig {
    /** Reuse the data directory's previous port when it is free, else pick any free port. */
    public static final int STICKY_PORT = -1;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REGION = "ap-singapore-1";
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** How long an upload that was granted but never committed keeps its bytes (the upload token's lifetime). */
    public static final Duration DEFAULT_UPLOAD_GRACE_PERIOD = Limits.UPLOAD_TOKEN_LIFETIME;

    /**
     * Where it listens and what it hands out.
     *
     * @param host        address to bind; null/blank → {@value #DEFAULT_HOST} (a wildcard is advertised as 127.0.0.1)
     * @param port        N &gt; 0 exactly, 0 any free port, {@link #STICKY_PORT} the port this data directory used
     *                    last time if it can be bound, else any free port
     * @param tls         HTTPS instead of HTTP: the listener presents a certificate signed by a local CA kept in the
     *                    data folder, and every URL handed out is https
     * @param uploadHosts upload hosts ApplyUploadInfo hands out ({@code host[:port]}); empty → the listener's own
     */
    @RecordBuilder
    public record Network(String host, int port, boolean tls, List<String> uploadHosts)
            implements EmulatorConfigNetworkBuilder.With {
        public Network {
            host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
            if (port < STICKY_PORT || port > 65_535) {
                throw new IllegalArgumentException("port must be -1 (sticky), 0 (any) or 1..65535: " + port);
            }
            uploadHosts = uploadHosts == null ? List.of() : List.copyOf(uploadHosts);
            for (String uploadHost : uploadHosts) {
                if (uploadHost.isBlank() || uploadHost.contains("/")) {
                    throw new IllegalArgumentException("upload host must be host[:port] without scheme: " + uploadHost);
                }
            }
        }
    }

    /**
     * Who may call it, and for what.
     *
     * @param accessKey    with {@code secretKey}: both null → the pair generated the first time the data directory
     *                     was served, kept there so clients go on working across restarts; one without the other is an
     *                     error
     * @param region       null/blank → {@value #DEFAULT_REGION} (signatures scoped to {@code ap-singapore-1} and
     *                     {@code ap-southeast-1} are always accepted as well)
     * @param spaces       spaces to create; null → none (spaces the data directory remembers stay known)
     * @param maxClockSkew null → {@link #DEFAULT_MAX_CLOCK_SKEW}
     */
    @RecordBuilder
    public record Account(String accessKey, String secretKey, String region, List<String> spaces, Duration maxClockSkew)
            implements EmulatorConfigAccountBuilder.With {
        public Account {
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException("accessKey and secretKey must both be given or both be null");
            }
            if (accessKey != null && (accessKey.isBlank() || secretKey.isBlank())) {
                throw new IllegalArgumentException("accessKey and secretKey must not be blank");
            }
            region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
            spaces = spaces == null ? List.of() : spaces.stream().distinct().toList();
            spaces.forEach(Spaces::checkName);
            maxClockSkew = maxClockSkew == null ? DEFAULT_MAX_CLOCK_SKEW : maxClockSkew;
            if (maxClockSkew.isNegative()) {
                throw new IllegalArgumentException("maxClockSkew < 0: " + maxClockSkew);
            }
        }

        /** Never prints the secret key. */
        @Override
        public String toString() {
            return EmulatorConfigAccountBuilder.stream(this)
                    .map(e -> e.getKey() + "="
                            + (e.getKey().equals("secretKey") && e.getValue() != null ? "██" : e.getValue()))
                    .collect(Collectors.joining(", ", "Account[", "]"));
        }
    }

    /**
     * Where uploaded bytes go, and how long unfinished ones stay.
     *
     * @param disk              null → {@link Disk#LOCAL} (tests put a full disk here)
     * @param uploadGracePeriod an upload granted but not committed within it is removed with its bytes (&gt; 0);
     *                          null → {@link #DEFAULT_UPLOAD_GRACE_PERIOD}
     */
    @RecordBuilder
    public record Storage(Disk disk, Duration uploadGracePeriod) implements EmulatorConfigStorageBuilder.With {
        public Storage {
            disk = disk == null ? Disk.LOCAL : disk;
            uploadGracePeriod = uploadGracePeriod == null ? DEFAULT_UPLOAD_GRACE_PERIOD : uploadGracePeriod;
            if (uploadGracePeriod.isNegative() || uploadGracePeriod.isZero()) {
                throw new IllegalArgumentException("uploadGracePeriod <= 0: " + uploadGracePeriod);
            }
        }
    }

    /**
     * Media tools and restoration.
     *
     * @param ffmpeg   null → {@code ffmpeg} on {@code PATH} at start; when absent, GetMeta reports storage facts only
     *                 and Snapshot makes no poster, but uploads work
     * @param allowPro false → StartExecution refuses the Pro repair style (RepairStyle 2) with 403
     *                 {@code Permission denied}, as BytePlus does for accounts that are not allowlisted
     */
    @RecordBuilder
    public record Restoration(Path ffmpeg, boolean allowPro) implements EmulatorConfigRestorationBuilder.With {}

    /**
     * The network lab, off by default: requests that fail on purpose and a simulated link.
     *
     * @param faults                 null → {@link FaultPlan#OFF}
     * @param linkLatency            delay added before each response (≥ 0); null → zero
     * @param linkRateBytesPerSecond request-body bytes per second per connection; 0 → unlimited
     */
    @RecordBuilder
    public record Lab(FaultPlan faults, Duration linkLatency, long linkRateBytesPerSecond)
            implements EmulatorConfigLabBuilder.With {
        public Lab {
            faults = faults == null ? FaultPlan.OFF : faults;
            linkLatency = linkLatency == null ? Duration.ZERO : linkLatency;
            if (linkLatency.isNegative()) {
                throw new IllegalArgumentException("linkLatency < 0: " + linkLatency);
            }
            if (linkRateBytesPerSecond < 0) {
                throw new IllegalArgumentException("linkRateBytesPerSecond < 0: " + linkRateBytesPerSecond);
            }
        }
    }

    private final Path dataDir;
    private final Network network;
    private final Account account;
    private final Storage storage;
    private final Restoration restoration;
    private final UrlPullConfig urlPull;
    private final Lab lab;

    private EmulatorConfig(Builder builder) {
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir == null");
        this.network = builder.network.build();
        this.account = builder.account.build();
        this.storage = builder.storage.build();
        this.restoration = builder.restoration.build();
        this.urlPull = builder.urlPull.build();
        this.lab = builder.lab.build();
    }

    /** A builder for serving {@code dataDir}: loopback, sticky port, generated credentials, defaults elsewhere. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Loopback, sticky port, generated credentials, no configured spaces, defaults for everything else. */
    public static EmulatorConfig defaults(Path dataDir) {
        return builder(dataDir).build();
    }

    /** A builder holding this configuration, to make a variant of it. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Where its database, objects, keys and certificates live (created mode 700). */
    public Path dataDir() {
        return dataDir;
    }

    public Network network() {
        return network;
    }

    public Account account() {
        return account;
    }

    public Storage storage() {
        return storage;
    }

    public Restoration restoration() {
        return restoration;
    }

    /** How UploadMediaByUrl sources are fetched ({@link UrlPullConfig#DEFAULTS} unless set). */
    public UrlPullConfig urlPull() {
        return urlPull;
    }

    public Lab lab() {
        return lab;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "EmulatorConfig[dataDir=" + dataDir + ", " + network + ", " + account + ", " + storage + ", "
                + restoration + ", urlPull=" + urlPull + ", " + lab + "]";
    }

    /**
     * Collects settings; {@link #build()} checks them. Unset settings keep their defaults. Its state is one generated
     * builder per concern: {@code network(n -> ...)}, {@code account(a -> ...)} and so on reach every setting.
     */
    public static final class Builder {
        private Path dataDir;
        private EmulatorConfigNetworkBuilder network =
                EmulatorConfigNetworkBuilder.builder().port(STICKY_PORT);
        private EmulatorConfigAccountBuilder account = EmulatorConfigAccountBuilder.builder();
        private EmulatorConfigStorageBuilder storage = EmulatorConfigStorageBuilder.builder();
        private EmulatorConfigRestorationBuilder restoration = EmulatorConfigRestorationBuilder.builder();
        private UrlPullConfigBuilder urlPull = UrlPullConfigBuilder.builder(UrlPullConfig.DEFAULTS);
        private EmulatorConfigLabBuilder lab = EmulatorConfigLabBuilder.builder();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        private Builder(EmulatorConfig config) {
            this(config.dataDir);
            network(config.network);
            account(config.account);
            storage(config.storage);
            restoration(config.restoration);
            urlPull(config.urlPull);
            lab(config.lab);
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Host, port, TLS and upload hosts at once. */
        public Builder network(Network network) {
            this.network = EmulatorConfigNetworkBuilder.builder(network);
            return this;
        }

        /** Changes network settings, e.g. {@code network(n -> n.port(0).tls(true))}. */
        public Builder network(Consumer<EmulatorConfigNetworkBuilder> change) {
            change.accept(network);
            return this;
        }

        public Builder host(String host) {
            return network(n -> n.host(host));
        }

        /** N &gt; 0, 0 for any free port, {@link #STICKY_PORT} (the default) for the data folder's last port. */
        public Builder port(int port) {
            return network(n -> n.port(port));
        }

        /** HTTPS with the data folder's local CA instead of HTTP. */
        public Builder tls(boolean tls) {
            return network(n -> n.tls(tls));
        }

        public Builder uploadHosts(List<String> uploadHosts) {
            return network(n -> n.uploadHosts(uploadHosts));
        }

        public Builder account(Account account) {
            this.account = EmulatorConfigAccountBuilder.builder(account);
            return this;
        }

        /** Changes account settings, e.g. {@code account(a -> a.region("ap-southeast-1"))}. */
        public Builder account(Consumer<EmulatorConfigAccountBuilder> change) {
            change.accept(account);
            return this;
        }

        /** Fixed credentials; {@code (null, null)} (the default) for the pair generated once per data directory. */
        public Builder credentials(String accessKey, String secretKey) {
            return account(a -> a.accessKey(accessKey).secretKey(secretKey));
        }

        public Builder region(String region) {
            return account(a -> a.region(region));
        }

        public Builder spaces(List<String> spaces) {
            return account(a -> a.spaces(spaces));
        }

        public Builder maxClockSkew(Duration maxClockSkew) {
            return account(a -> a.maxClockSkew(maxClockSkew));
        }

        public Builder storage(Storage storage) {
            this.storage = EmulatorConfigStorageBuilder.builder(storage);
            return this;
        }

        /** Changes storage settings, e.g. {@code storage(s -> s.uploadGracePeriod(Duration.ofMinutes(5)))}. */
        public Builder storage(Consumer<EmulatorConfigStorageBuilder> change) {
            change.accept(storage);
            return this;
        }

        /** Where uploaded bytes are written ({@link Disk#LOCAL}; tests put a full disk here). */
        public Builder disk(Disk disk) {
            return storage(s -> s.disk(disk));
        }

        /** How long an upload granted by ApplyUploadInfo may stay uncommitted before its bytes are removed. */
        public Builder uploadGracePeriod(Duration uploadGracePeriod) {
            return storage(s -> s.uploadGracePeriod(uploadGracePeriod));
        }

        public Builder restoration(Restoration restoration) {
            this.restoration = EmulatorConfigRestorationBuilder.builder(restoration);
            return this;
        }

        /** Changes media and restoration settings, e.g. {@code restoration(r -> r.allowPro(true))}. */
        public Builder restoration(Consumer<EmulatorConfigRestorationBuilder> change) {
            change.accept(restoration);
            return this;
        }

        public Builder ffmpeg(Path ffmpeg) {
            return restoration(r -> r.ffmpeg(ffmpeg));
        }

        /** Whether the Pro repair style is allowed (as for an allowlisted BytePlus account). */
        public Builder allowPro(boolean allowPro) {
            return restoration(r -> r.allowPro(allowPro));
        }

        /** All URL-pull settings at once; null for {@link UrlPullConfig#DEFAULTS}. */
        public Builder urlPull(UrlPullConfig urlPull) {
            this.urlPull = UrlPullConfigBuilder.builder(urlPull == null ? UrlPullConfig.DEFAULTS : urlPull);
            return this;
        }

        /** Changes URL-pull settings, e.g. {@code urlPull(p -> p.workers(1))}. */
        public Builder urlPull(Consumer<UrlPullConfigBuilder> change) {
            change.accept(urlPull);
            return this;
        }

        public Builder lab(Lab lab) {
            this.lab = EmulatorConfigLabBuilder.builder(lab);
            return this;
        }

        /** Changes the network lab's settings, e.g. {@code lab(l -> l.linkLatency(Duration.ofMillis(50)))}. */
        public Builder lab(Consumer<EmulatorConfigLabBuilder> change) {
            change.accept(lab);
            return this;
        }

        /** Requests fail on purpose as {@code faults} says ({@link FaultPlan#OFF} for none). */
        public Builder faults(FaultPlan faults) {
            return lab(l -> l.faults(faults));
        }

        /** Delay added before each response; zero for none. */
        public Builder linkLatency(Duration linkLatency) {
            return lab(l -> l.linkLatency(linkLatency));
        }

        /** Request-body bytes per second per connection; 0 for unlimited. */
        public Builder linkRate(long linkRateBytesPerSecond) {
            return lab(l -> l.linkRateBytesPerSecond(linkRateBytesPerSecond));
        }

        /**
         * @throws IllegalArgumentException naming the first setting out of range
         * @throws NullPointerException     without a data folder
         */
        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }
    }
}
