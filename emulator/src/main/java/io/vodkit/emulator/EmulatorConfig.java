package io.vodkit.emulator;

import io.vodkit.emulator.faults.FaultPlan;
import io.vodkit.emulator.pull.UrlPullConfig;
import io.vodkit.emulator.service.Limits;
import io.vodkit.emulator.service.Spaces;
import io.vodkit.emulator.storage.Disk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run an {@link Emulator}. The compact constructor validates and fills defaults:
 * <ul>
 *   <li>{@code host} null/blank → {@value #DEFAULT_HOST};</li>
 *   <li>{@code port}: N &gt; 0 exactly, 0 any free port, {@link #STICKY_PORT} the port this data directory used last
 *       time if it can be bound, else any free port;</li>
 *   <li>{@code accessKey}/{@code secretKey}: both null → the pair generated the first time the data directory was
 *       served, kept there so that clients go on working across restarts; one without the other is an error;</li>
 *   <li>{@code spaces} null → none (spaces remembered by the data directory stay known);</li>
 *   <li>{@code region} null/blank → {@value #DEFAULT_REGION} (signatures scoped to {@code ap-singapore-1} and
 *       {@code ap-southeast-1} are always accepted as well);</li>
 *   <li>{@code ffmpeg} null → {@code ffmpeg} on {@code PATH} at start; when absent, GetMeta reports storage facts
 *       only and Snapshot makes no poster, but uploads work;</li>
 *   <li>{@code uploadHosts} null/empty → {@code ["<host>:<bound port>"]} at start;</li>
 *   <li>{@code maxClockSkew} null → 15 minutes;</li>
 *   <li>{@code allowPro}: false → StartExecution refuses the Pro repair style (RepairStyle 2) with 403
 *       {@code Permission denied}, as BytePlus does for accounts that are not allowlisted;</li>
 *   <li>{@code urlPull} null → {@link UrlPullConfig#DEFAULTS} (how UploadMediaByUrl sources are fetched);</li>
 *   <li>link simulation, off by default: {@code linkLatency} null → zero, else a delay added before each response
 *       (≥ 0); {@code linkRateBytesPerSecond} 0 → unlimited, else the request-body rate of each connection;</li>
 *   <li>{@code faults} null → {@link FaultPlan#OFF}: requests fail on purpose only when a plan says so;</li>
 *   <li>{@code tls}: false → plain HTTP (see {@link #withTls});</li>
 *   <li>{@code uploadGracePeriod} null → {@link #DEFAULT_UPLOAD_GRACE_PERIOD}: an upload granted but not committed
 *       within it is removed with its bytes (&gt; 0);</li>
 *   <li>{@code disk} null → {@link Disk#LOCAL}.</li>
 * </ul>
 */
public record EmulatorConfig(String host, int port, Path dataDir, String accessKey, String secretKey,
                             List<String> spaces, String region, Path ffmpeg, List<String> uploadHosts,
                             Duration maxClockSkew, boolean allowPro, UrlPullConfig urlPull, Duration linkLatency,
                             long linkRateBytesPerSecond, FaultPlan faults, boolean tls,
                             Duration uploadGracePeriod, Disk disk) {

    /** Reuse the data directory's previous port when it is free, else pick any free port. */
    public static final int STICKY_PORT = -1;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REGION = "ap-singapore-1";
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** How long an upload that was granted but never committed keeps its bytes (the upload token's lifetime). */
    public static final Duration DEFAULT_UPLOAD_GRACE_PERIOD = Limits.UPLOAD_TOKEN_LIFETIME;

    public EmulatorConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
        if (port < STICKY_PORT || port > 65_535) {
            throw new IllegalArgumentException("port must be -1 (sticky), 0 (any) or 1..65535: " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir == null");
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("accessKey and secretKey must both be given or both be null");
        }
        if (accessKey != null && (accessKey.isBlank() || secretKey.isBlank())) {
            throw new IllegalArgumentException("accessKey and secretKey must not be blank");
        }
        spaces = spaces == null ? List.of() : spaces.stream().distinct().toList();
        spaces.forEach(Spaces::checkName);
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
        uploadHosts = uploadHosts == null ? List.of() : List.copyOf(uploadHosts);
        for (String uploadHost : uploadHosts) {
            if (uploadHost.isBlank() || uploadHost.contains("/")) {
                throw new IllegalArgumentException("upload host must be host[:port] without scheme: " + uploadHost);
            }
        }
        maxClockSkew = maxClockSkew == null ? DEFAULT_MAX_CLOCK_SKEW : maxClockSkew;
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew < 0: " + maxClockSkew);
        }
        urlPull = urlPull == null ? UrlPullConfig.DEFAULTS : urlPull;
        linkLatency = linkLatency == null ? Duration.ZERO : linkLatency;
        if (linkLatency.isNegative()) {
            throw new IllegalArgumentException("linkLatency < 0: " + linkLatency);
        }
        if (linkRateBytesPerSecond < 0) {
            throw new IllegalArgumentException("linkRateBytesPerSecond < 0: " + linkRateBytesPerSecond);
        }
        faults = faults == null ? FaultPlan.OFF : faults;
        uploadGracePeriod = uploadGracePeriod == null ? DEFAULT_UPLOAD_GRACE_PERIOD : uploadGracePeriod;
        if (uploadGracePeriod.isNegative() || uploadGracePeriod.isZero()) {
            throw new IllegalArgumentException("uploadGracePeriod <= 0: " + uploadGracePeriod);
        }
        disk = disk == null ? Disk.LOCAL : disk;
    }

    /** The configuration over plain HTTP, with the default grace period and the local disk. */
    public EmulatorConfig(String host, int port, Path dataDir, String accessKey, String secretKey,
                          List<String> spaces, String region, Path ffmpeg, List<String> uploadHosts,
                          Duration maxClockSkew, boolean allowPro, UrlPullConfig urlPull, Duration linkLatency,
                          long linkRateBytesPerSecond, FaultPlan faults) {
        this(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts, maxClockSkew, allowPro,
                urlPull, linkLatency, linkRateBytesPerSecond, faults, false, null, null);
    }

    /** The configuration without link simulation. */
    public EmulatorConfig(String host, int port, Path dataDir, String accessKey, String secretKey,
                          List<String> spaces, String region, Path ffmpeg, List<String> uploadHosts,
                          Duration maxClockSkew, boolean allowPro, UrlPullConfig urlPull) {
        this(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts, maxClockSkew, allowPro,
                urlPull, null, 0, null, false, null, null);
    }

    /** The configuration with default URL-pull settings. */
    public EmulatorConfig(String host, int port, Path dataDir, String accessKey, String secretKey,
                          List<String> spaces, String region, Path ffmpeg, List<String> uploadHosts,
                          Duration maxClockSkew, boolean allowPro) {
        this(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts, maxClockSkew, allowPro,
                null);
    }

    /** Loopback, sticky port, generated credentials, no configured spaces, defaults for everything else. */
    public static EmulatorConfig defaults(Path dataDir) {
        return new EmulatorConfig(null, STICKY_PORT, dataDir, null, null, List.of(), null, null, List.of(), null,
                false, null);
    }

    public EmulatorConfig withHost(String host) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withPort(int port) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Fixed credentials; {@code (null, null)} for the pair generated once per data directory. */
    public EmulatorConfig withCredentials(String accessKey, String secretKey) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withSpaces(List<String> spaces) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withRegion(String region) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withFfmpeg(Path ffmpeg) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withUploadHosts(List<String> uploadHosts) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withMaxClockSkew(Duration maxClockSkew) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Whether the Pro repair style is allowed (as for an allowlisted BytePlus account). */
    public EmulatorConfig withAllowPro(boolean allowPro) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    public EmulatorConfig withUrlPull(UrlPullConfig urlPull) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Delay added before each response; zero for none. */
    public EmulatorConfig withLinkLatency(Duration linkLatency) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Request-body bytes per second per connection; 0 for unlimited. */
    public EmulatorConfig withLinkRate(long linkRateBytesPerSecond) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Requests fail on purpose as {@code faults} says ({@link FaultPlan#OFF} for none). */
    public EmulatorConfig withFaults(FaultPlan faults) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /**
     * HTTPS instead of HTTP: the listener presents a server certificate signed by a local CA kept in the data folder
     * ({@link io.vodkit.emulator.tls.LocalCertificates}), and every URL the emulator hands out is https.
     */
    public EmulatorConfig withTls(boolean tls) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** How long an upload granted by ApplyUploadInfo may stay uncommitted before its bytes are removed. */
    public EmulatorConfig withUploadGracePeriod(Duration uploadGracePeriod) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Where uploaded bytes are written ({@link Disk#LOCAL}; tests put a full disk here). */
    public EmulatorConfig withDisk(Disk disk) {
        return new EmulatorConfig(host, port, dataDir, accessKey, secretKey, spaces, region, ffmpeg, uploadHosts,
                maxClockSkew, allowPro, urlPull, linkLatency, linkRateBytesPerSecond, faults, tls,
                uploadGracePeriod, disk);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "EmulatorConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", accessKey="
                + accessKey + ", secretKey=" + (secretKey == null ? null : "██") + ", spaces=" + spaces
                + ", region=" + region + ", ffmpeg=" + ffmpeg + ", uploadHosts=" + uploadHosts + ", maxClockSkew="
                + maxClockSkew + ", allowPro=" + allowPro + ", urlPull=" + urlPull + ", linkLatency=" + linkLatency
                + ", linkRateBytesPerSecond=" + linkRateBytesPerSecond + ", faults=" + faults + ", tls=" + tls
                + ", uploadGracePeriod=" + uploadGracePeriod + ", disk=" + disk + "]";
    }
}
