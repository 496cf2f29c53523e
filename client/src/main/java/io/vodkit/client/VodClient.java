package io.vodkit.client;

import io.vodkit.client.api.ApiCaller;
import io.vodkit.client.http.HttpTransport;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.http.TrustedCertificates;
import io.vodkit.client.internal.Json;
import io.vodkit.client.media.MediaManager;
import io.vodkit.client.upload.StorageGateway;
import java.util.Objects;

/**
 * Entry point: one HTTP transport (HTTP/1.1, connect timeout, a bounded executor of named threads owned here),
 * shared by signed OpenAPI calls ({@link #api()}) and storage-gateway calls ({@link #storage()}). Thread-safe.
 * Close it to stop the executor.
 *
 * <pre>{@code
 * try (VodClient client = new VodClient(VodClientConfig.of(null, null, new Credentials(ak, sk)))) {
 *   UploadResult result = new MediaUploader(client.api(), client.storage())
 *       .upload(UploadRequest.of(file, "my_space"), UploadListener.NONE);
 * }
 * }</pre>
 */
public final class VodClient implements AutoCloseable {

  private final VodClientConfig config;
  private final HttpTransport transport;
  private final ApiCaller api;
  private final StorageGateway storage;
  private final MediaManager media;

  /** A client whose OpenAPI calls retry transient failures with {@link RetryPolicy#defaults()}. */
  public VodClient(VodClientConfig config) {
    this(config, RetryPolicy.defaults());
  }

  public VodClient(VodClientConfig config, RetryPolicy retry) {
    this.config = Objects.requireNonNull(config, "config == null");
    this.transport = new HttpTransport(config.connectTimeout(), config.requestTimeout(),
        config.endpoint().getScheme().equalsIgnoreCase("https"),
        config.trustedCertificates() == null ? null : TrustedCertificates.sslContext(config.trustedCertificates()));
    this.api = new ApiCaller(transport, config, Json::mapper, retry);
    this.storage = new StorageGateway(transport, config.endpoint(), retry);
    this.media = new MediaManager(api, transport);
  }

  public VodClientConfig config() {
    return config;
  }

  /** Signed OpenAPI calls; typed steps in {@code io.vodkit.client.api} take this. */
  public ApiCaller api() {
    return api;
  }

  /** Storage upload-gateway calls. */
  public StorageGateway storage() {
    return storage;
  }

  /** Media management: read, list, update, delete and download what is in a space. */
  public MediaManager media() {
    return media;
  }

  /** Shuts down the HTTP executor. Calls made afterwards fail. */
  @Override
  public void close() {
    transport.close();
  }
}
