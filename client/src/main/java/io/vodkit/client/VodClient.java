package io.vodkit.client;

import io.vodkit.client.enhance.Enhancer;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.internal.Json;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.internal.http.TrustedCertificates;
import io.vodkit.client.internal.jobs.JobPoller;
import io.vodkit.client.internal.upload.StorageGateway;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.media.MediaManager;
import io.vodkit.client.pull.UrlPuller;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.url.PlayUrlConfig;
import io.vodkit.client.url.PlayUrlResolver;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Entry point: one HTTP transport (HTTP/1.1, connect timeout, a bounded executor of named threads owned here),
 * shared by one object per job — {@link #uploads()} (local files, with checkpoints and play URLs),
 * {@link #pulls(PollConfig)} (URL pulls), {@link #restorations(String, PollConfig)} (quality restoration),
 * {@link #media()} (media management) and {@link #playUrls()}. Thread-safe. Close it to stop the executor.
 *
 * <pre>{@code
 * try (VodClient client = VodClient.builder(VodClientConfig.of(null, null, new Credentials(ak, sk))).build()) {
 *   UploadResult result = client.uploads().upload(UploadRequest.of(file, "my_space"), UploadListener.NONE);
 *   System.out.println(result.vid() + " " + result.playUrl());
 * }
 * }</pre>
 */
public final class VodClient implements AutoCloseable {

    private final VodClientConfig config;
    private final HttpTransport transport;
    private final ApiCaller api;
    private final MediaManager media;
    private final PlayUrlResolver playUrls;
    private final MediaUploader uploads;

    /** A client whose OpenAPI calls retry transient failures with {@link RetryPolicy#defaults()}. */
    public VodClient(VodClientConfig config) {
        this(config, RetryPolicy.defaults());
    }

    public VodClient(VodClientConfig config, RetryPolicy retry) {
        this(config, retry, PlayUrlConfig.defaults());
    }

    private VodClient(VodClientConfig config, RetryPolicy retry, PlayUrlConfig playUrlConfig) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.transport = new HttpTransport(
                config.connectTimeout(),
                config.requestTimeout(),
                config.endpoint().getScheme().equalsIgnoreCase("https"),
                config.trustedCertificates() == null
                        ? null
                        : TrustedCertificates.sslContext(config.trustedCertificates()));
        this.api = new ApiCaller(transport, config, Json::mapper, retry);
        this.media = new MediaManager(api, transport);
        this.playUrls = new PlayUrlResolver(
                api, playUrlConfig.playDomain(), playUrlConfig.urlExpiry(), config.clock(), new SecureRandom());
        this.uploads = new MediaUploader(api, new StorageGateway(transport, config.endpoint(), retry), playUrls);
    }

    /** A client for {@code config}; the builder sets what else a client may be given. */
    public static Builder builder(VodClientConfig config) {
        return new Builder(config);
    }

    public VodClientConfig config() {
        return config;
    }

    /**
     * The signed OpenAPI calls beneath the entry points: implementation, which may change without notice (the
     * benchmarks' raw upload steps and a few CLI commands still use it; prefer the entry points).
     */
    public ApiCaller api() {
        return api;
    }

    /** Media management: read, list, update, delete and download what is in a space. */
    public MediaManager media() {
        return media;
    }

    /**
     * Uploads of local files, with the default {@link io.vodkit.client.upload.UploadConfig} and no checkpoints
     * ({@code withConfig}, {@code withCheckpoints} change them); each result carries its play URL.
     */
    public MediaUploader uploads() {
        return uploads;
    }

    /**
     * URL pulls (UploadMediaByUrl, then QueryUploadTaskInfo), polled as {@code poll} says; each job that succeeded
     * carries what it stored with its play URL.
     */
    public UrlPuller pulls(PollConfig poll) {
        return new UrlPuller(api, new JobPoller(poll), playUrls);
    }

    /**
     * Quality restorations (StartExecution, then GetExecution), polled as {@code poll} says; a restored video comes
     * with its play URL.
     *
     * @param version the StartExecution/GetExecution version ({@code VOD_ENHANCE_VERSION})
     */
    public Enhancer restorations(String version, PollConfig poll) {
        return new Enhancer(api, version, new JobPoller(poll), playUrls);
    }

    /** Play and download URLs of stored files and Vids, as the {@link PlayUrlConfig} given says. */
    public PlayUrlResolver playUrls() {
        return playUrls;
    }

    /** Shuts down the HTTP executor. Calls made afterwards fail. */
    @Override
    public void close() {
        transport.close();
    }

    /** What a {@link VodClient} is made of besides its {@link VodClientConfig}; unset parts take their defaults. */
    public static final class Builder {
        private final VodClientConfig config;
        private RetryPolicy retry = RetryPolicy.defaults();
        private PlayUrlConfig playUrls = PlayUrlConfig.defaults();

        private Builder(VodClientConfig config) {
            this.config = Objects.requireNonNull(config, "config == null");
        }

        /** How OpenAPI and storage calls retry (default {@link RetryPolicy#defaults()}). */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry == null");
            return this;
        }

        /** How play URLs are made (default {@link PlayUrlConfig#defaults()}). */
        public Builder playUrls(PlayUrlConfig playUrls) {
            this.playUrls = Objects.requireNonNull(playUrls, "playUrls == null");
            return this;
        }

        public VodClient build() {
            return new VodClient(config, retry, playUrls);
        }
    }
}
