package io.vodkit.client.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.api.ApiCaller;
import io.vodkit.client.api.ApplyUploadInfo;
import io.vodkit.client.api.CommitUploadInfo;
import io.vodkit.client.api.CommittedMedia;
import io.vodkit.client.api.StoreInfo;
import io.vodkit.client.api.UploadAddress;
import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.upload.internal.FirstFailure;
import io.vodkit.client.upload.internal.HostFailover;
import io.vodkit.client.upload.internal.ParallelParts;
import io.vodkit.client.upload.internal.ProgressTracker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one local file: check the file → ApplyUploadInfo → storage gateway (direct below 20 MiB, else parts in
 * parallel) → CommitUploadInfo. Storage requests fail over across {@code UploadHosts} (see {@link StorageGateway}
 * and {@link StorageException#retryable()}); memory use does not depend on the file size.
 */
public final class MediaUploader {

  private static final Logger LOG = LoggerFactory.getLogger(MediaUploader.class);
  static final String FILE_TYPE_MEDIA = "media";

  private final ApplyUploadInfo applyUploadInfo;
  private final CommitUploadInfo commitUploadInfo;
  private final StorageGateway storage;

  public MediaUploader(ApiCaller api, StorageGateway storage) {
    this.applyUploadInfo = new ApplyUploadInfo(api);
    this.commitUploadInfo = new CommitUploadInfo(api);
    this.storage = Objects.requireNonNull(storage, "storage == null");
  }

  /**
   * Uploads and commits {@code request.file()}.
   *
   * @param listener progress receiver ({@link UploadListener#NONE} for none)
   * @throws VodException for a bad file (before any request), {@link io.vodkit.client.VodServiceException} for an
   *                      OpenAPI error, {@link StorageException} for a storage failure
   */
  public UploadResult upload(UploadRequest request, UploadListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    LocalMediaFile media = LocalMediaFile.inspect(request.file());
    PartPlan plan = PartPlan.of(media.size(), request.partSizeBytes());

    UploadAddress address = applyUploadInfo.call(new ApplyUploadInfo.Request(request.spaceName(),
        request.fileName(), media.extension(), media.size(), FILE_TYPE_MEDIA, 0, null));
    if (address.storeInfos().isEmpty()) {
      throw new VodException(ApplyUploadInfo.ACTION + " returned no StoreInfos");
    }
    if (address.uploadHosts().isEmpty()) {
      throw new VodException(ApplyUploadInfo.ACTION + " returned no UploadHosts");
    }
    StoreInfo store = address.storeInfos().get(0);
    StorageTarget target = new StorageTarget(address.uploadHosts().get(0), store.storeUri(), store.auth(),
        address.uploadHeaders());
    LOG.debug("upload start file={} bytes={} space={} storeUri={} parts={}", media.path(), media.size(),
        request.spaceName(), store.storeUri(), plan.direct() ? "direct" : plan.parts().size());

    try (FileChannel channel = FileChannel.open(media.path(), StandardOpenOption.READ)) {
      FirstFailure failure = new FirstFailure();
      HostFailover hosts = new HostFailover(address.uploadHosts(), failure::happened,
          storage.retryPolicy());
      ProgressTracker progress = new ProgressTracker(media.size(), listener, failure::happened);
      if (plan.direct()) {
        FileRegion whole = new FileRegion(channel, 0, media.size());
        hosts.call(host -> withProgress(progress,
            attempt -> storage.directUpload(target.withHost(host), whole, attempt)));
      } else {
        uploadParts(plan, new ParallelParts(request.concurrency(), failure), channel, target, hosts, progress);
      }
    } catch (IOException e) {
      throw new VodException("Cannot open " + media.path() + ": " + e.getMessage(), e);
    }

    CommittedMedia committed = commitUploadInfo.call(new CommitUploadInfo.Request(request.spaceName(),
        address.sessionKey(), functions(request.title()), null));
    String storeUri = committed.sourceInfo().storeUri().isEmpty()
        ? store.storeUri() : committed.sourceInfo().storeUri();
    String fileName = committed.sourceInfo().fileName().isEmpty()
        ? withoutBucket(storeUri) : committed.sourceInfo().fileName();
    LOG.debug("upload done vid={} space={} fileName={}", committed.vid(), request.spaceName(), fileName);
    return new UploadResult(committed.vid(), committed.posterUri(), fileName, storeUri, request.spaceName(),
        committed.sourceInfo());
  }

  private void uploadParts(PartPlan plan, ParallelParts parallel, FileChannel channel, StorageTarget target,
                           HostFailover hosts, ProgressTracker progress) {
    String uploadId = hosts.call(host -> storage.initMultipartUpload(target.withHost(host)));
    List<PartReceipt> receipts = parallel.run(plan.parts(), part -> hosts.call(host -> withProgress(progress,
        attempt -> storage.uploadPart(target.withHost(host), uploadId, part.number(),
            new FileRegion(channel, part.offset(), part.length()), attempt))));

    List<String> crcs = new ArrayList<>(receipts.size());
    receipts.forEach(receipt -> crcs.add(receipt.crc32()));
    String objectContentType = receipts.get(0).objectContentType();
    hosts.call(host -> {
      storage.completeMultipartUpload(target.withHost(host), uploadId, crcs, objectContentType);
      return uploadId;
    });
  }

  /** Runs one request attempt with its own byte counter, taking its bytes back if it fails. */
  private static <T> T withProgress(ProgressTracker progress, Function<TransferControl, T> body) {
    ProgressTracker.Attempt attempt = progress.attempt();
    try {
      return body.apply(attempt);
    } catch (RuntimeException e) {
      attempt.rollback();
      throw e;
    }
  }

  private static List<UploadFunction> functions(String title) {
    List<UploadFunction> functions = new ArrayList<>(UploadFunction.defaults());
    if (title != null && !title.isBlank()) {
      functions.add(UploadFunction.addOptionInfo(title));
    }
    return functions;
  }

  /** {@code bucket/a/b.mp4} → {@code a/b.mp4}. */
  private static String withoutBucket(String storeUri) {
    int slash = storeUri.indexOf('/');
    return slash < 0 ? storeUri : storeUri.substring(slash + 1);
  }
}
