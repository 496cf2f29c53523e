package io.vodkit.client.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.api.ApplyUploadInfo;
import io.vodkit.client.internal.api.CommitUploadInfo;
import io.vodkit.client.internal.api.CommittedMedia;
import io.vodkit.client.internal.upload.FileRegion;
import io.vodkit.client.internal.upload.FirstFailure;
import io.vodkit.client.internal.upload.HostFailover;
import io.vodkit.client.internal.upload.ParallelParts;
import io.vodkit.client.internal.upload.PartPlan;
import io.vodkit.client.internal.upload.PartReceipt;
import io.vodkit.client.internal.upload.ProgressTracker;
import io.vodkit.client.internal.upload.StorageGateway;
import io.vodkit.client.internal.upload.StorageTarget;
import io.vodkit.client.internal.upload.StoredPart;
import io.vodkit.client.internal.upload.TransferControl;
import io.vodkit.client.internal.upload.UploadCheckpoint;
import io.vodkit.client.internal.upload.UploadRoute;
import io.vodkit.client.media.UploadMetadata;
import io.vodkit.client.url.PlayUrlResolver;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads of one {@link io.vodkit.client.VodClient} ({@code client.uploads()}): one file
 * ({@link #upload}) or several ({@link #uploadAll}), each checked → ApplyUploadInfo → storage gateway (one PUT below
 * the {@link UploadConfig} threshold, else parts in parallel) → CommitUploadInfo, resumed from its
 * {@link UploadCheckpoints} when an earlier run was interrupted, and returned with a fresh play URL. Storage
 * requests fail over across {@code UploadHosts} (see {@link StorageGateway} and {@link StorageException#retryable()});
 * memory use does not depend on the file size. Immutable: {@code with…} gives a changed copy.
 *
 * <pre>{@code
 * UploadResult result = client.uploads().withConfig(UploadConfig.builder().partsInFlight(8).build())
 *     .upload(UploadRequest.of(file, "my_space"), UploadListener.NONE);
 * result.vid(); result.playUrl();
 * }</pre>
 */
public final class MediaUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaUploader.class);
    static final String FILE_TYPE_MEDIA = "media";

    private final ApplyUploadInfo applyUploadInfo;
    private final CommitUploadInfo commitUploadInfo;
    private final StorageGateway storage;
    private final ApiCaller api;
    private final PlayUrlResolver playUrls;
    private final UploadConfig config;
    private final UploadCheckpoints checkpoints;

    /**
     * Uploads with the default {@link UploadConfig}, always starting fresh; {@code client.uploads()} makes one.
     *
     * @param playUrls resolves the play URL of each result
     */
    public MediaUploader(ApiCaller api, StorageGateway storage, PlayUrlResolver playUrls) {
        this(api, storage, playUrls, UploadConfig.defaults(), UploadCheckpoints.disabled());
    }

    private MediaUploader(
            ApiCaller api,
            StorageGateway storage,
            PlayUrlResolver playUrls,
            UploadConfig config,
            UploadCheckpoints checkpoints) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.storage = Objects.requireNonNull(storage, "storage == null");
        this.playUrls = Objects.requireNonNull(playUrls, "playUrls == null");
        this.config = Objects.requireNonNull(config, "config == null");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints == null");
        this.applyUploadInfo = new ApplyUploadInfo(api);
        this.commitUploadInfo = new CommitUploadInfo(api);
    }

    /** This uploader with {@code config}'s part size, threshold and parts in flight. */
    public MediaUploader withConfig(UploadConfig config) {
        return new MediaUploader(api, storage, playUrls, config, checkpoints);
    }

    /** This uploader resuming the interrupted multipart uploads it finds in {@code checkpoints}. */
    public MediaUploader withCheckpoints(UploadCheckpoints checkpoints) {
        return new MediaUploader(api, storage, playUrls, config, checkpoints);
    }

    public UploadConfig config() {
        return config;
    }

    /**
     * Uploads and commits {@code request.file()}, and resolves its play URL.
     *
     * @param listener progress receiver ({@link UploadListener#NONE} for none)
     * @throws VodException for a bad file (before any request), {@link io.vodkit.client.VodServiceException} for an
     *                      OpenAPI error, {@link StorageException} for a storage failure
     */
    public UploadResult upload(UploadRequest request, UploadListener listener) {
        return withPlayUrl(send(request, listener));
    }

    /**
     * Uploads every request, {@code jobs} files at a time, skipping the files {@code ledger} already knows (their
     * result is the earlier upload's) and recording the others in it; one file failing does not stop the others.
     *
     * @param jobs      files in flight at most, within {@link io.vodkit.client.limits.Limits#JOBS}
     * @param listeners the progress listener of each request, asked for when its upload starts (not for a skipped
     *                  file)
     * @param done      told of each outcome as soon as it is known (from a pool thread, one call at a time)
     * @return the outcomes in request order
     */
    public List<UploadOutcome> uploadAll(
            List<UploadRequest> requests,
            int jobs,
            UploadLedger ledger,
            Function<UploadRequest, UploadListener> listeners,
            Consumer<UploadOutcome> done) {
        return new BatchUploader(this, jobs, ledger).uploadAll(requests, listeners, done);
    }

    /** {@code result} with the play URL of its stored file. */
    UploadResult withPlayUrl(UploadResult result) {
        return result.withPlayUrl(playUrls.playUrlOrEmpty(result.spaceName(), result.fileName(), result.vid()));
    }

    /** Uploads and commits {@code request.file()}; the result has no play URL yet. */
    UploadResult send(UploadRequest request, UploadListener listener) {
        Objects.requireNonNull(listener, "listener == null");
        playUrls.prefetch(request.spaceName()); // found while the bytes go up, not after the commit
        LocalMediaFile media = request.media();
        PartPlan plan = PartPlan.of(media.size(), config);
        UploadCheckpoint identity = plan.direct() || !checkpoints.enabled()
                ? null
                : checkpoints.describe(media, api.endpoint().toString(), request.spaceName(), plan.partSizeBytes());
        Optional<UploadCheckpoint> resumed = identity == null ? Optional.empty() : resumable(identity, plan);

        List<UploadRoute> routes;
        if (resumed.isPresent()) {
            UploadCheckpoint checkpoint = resumed.get();
            routes = List.of(new UploadRoute(
                    new StorageTarget(
                            checkpoint.uploadHosts().get(0), checkpoint.storeUri(), checkpoint.auth(), List.of()),
                    checkpoint.uploadHosts(),
                    checkpoint.sessionKey()));
        } else {
            routes = UploadRoute.of(applyUploadInfo.call(new ApplyUploadInfo.Request(
                    request.spaceName(),
                    request.fileName(),
                    media.extension(),
                    media.size(),
                    FILE_TYPE_MEDIA,
                    request.metadata().storageClassNumber(),
                    null,
                    true)));
        }
        LOG.debug(
                "upload start file={} bytes={} space={} storeUri={} parts={} resumed={} routes={}",
                media.path(),
                media.size(),
                request.spaceName(),
                routes.get(0).target().storeUri(),
                plan.direct() ? "direct" : plan.parts().size(),
                resumed.isPresent(),
                routes.size());

        UploadRoute route = null;
        for (int i = 0; route == null; i++) {
            UploadRoute next = routes.get(i);
            // The file is opened again for each address: cancelling an attempt's parts interrupts their threads, and
            // an interrupt inside a read or sendfile closes the channel it was using.
            try (FileChannel channel = FileChannel.open(media.path(), StandardOpenOption.READ)) {
                store(next, plan, media, channel, listener, identity, i == 0 ? resumed.orElse(null) : null);
                route = next;
            } catch (StorageException e) {
                if (!e.retryable() || i == routes.size() - 1) {
                    throw e;
                }
                LOG.warn(
                        "upload address failed, trying the next candidate address: storeUri={} reason={}",
                        next.target().storeUri(),
                        e.getMessage());
            } catch (IOException e) {
                throw new VodException("Cannot open " + media.path() + ": " + e.getMessage(), e);
            }
        }
        StorageTarget target = route.target();
        String sessionKey = route.sessionKey();

        CommittedMedia committed;
        try {
            committed = commitUploadInfo.call(new CommitUploadInfo.Request(
                    request.spaceName(),
                    sessionKey,
                    functions(request.metadata()),
                    request.metadata().callbackArgs()));
        } catch (VodHttpException e) {
            if (resumed.isEmpty() || !resumed.get().merged() || e.isTransient()) {
                throw e;
            }
            checkpoints.delete(identity); // the service no longer knows the merged upload: start again, once
            checkpoints.notice("the interrupted upload of " + identity.file() + " cannot be committed ("
                    + e.getMessage() + "); starting fresh");
            return send(request, listener);
        }
        if (identity != null) {
            checkpoints.delete(identity);
        }
        String storeUri = committed.sourceInfo().storeUri().isEmpty()
                ? target.storeUri()
                : committed.sourceInfo().storeUri();
        UploadResult result = UploadResult.stored(
                committed.vid(), committed.posterUri(), storeUri, request.spaceName(), committed.sourceInfo());
        LOG.debug("upload done vid={} space={} fileName={}", result.vid(), result.spaceName(), result.fileName());
        return result;
    }

    /**
     * Sends the file's bytes along {@code route}: one PUT, or the parts and the merge (resuming {@code checkpoint} when
     * given), failing over between the route's hosts.
     */
    private void store(
            UploadRoute route,
            PartPlan plan,
            LocalMediaFile media,
            FileChannel channel,
            UploadListener listener,
            UploadCheckpoint identity,
            UploadCheckpoint checkpoint) {
        StorageTarget target = route.target();
        FirstFailure failure = new FirstFailure();
        HostFailover hosts = new HostFailover(route.hosts(), failure::happened, storage.retryPolicy());
        ProgressTracker progress = new ProgressTracker(media.size(), listener, failure::happened);
        if (plan.direct()) {
            FileRegion whole = new FileRegion(channel, 0, media.size());
            hosts.call(host ->
                    withProgress(progress, attempt -> storage.directUpload(target.withHost(host), whole, attempt)));
            return;
        }
        if (checkpoint != null && checkpoint.merged()) {
            progress.attempt().onBytesSent(media.size()); // every byte is stored already: only the commit is left
            return;
        }
        String uploadId = checkpoint != null
                ? checkpoint.uploadId()
                : hosts.call(host -> storage.initMultipartUpload(target.withHost(host)));
        UploadCheckpoint started = checkpoint;
        if (started == null && identity != null) {
            started = identity.started(target.storeUri(), target.auth(), route.hosts(), route.sessionKey(), uploadId);
        }
        uploadParts(
                plan,
                new ParallelParts(config.partsInFlight(plan), failure),
                channel,
                target,
                uploadId,
                hosts,
                progress,
                started);
    }

    /**
     * The interrupted upload of this file, if it can go on: the file is unchanged and the storage still knows the
     * upload. Only parts whose CRC and size the storage confirms stay counted as finished; otherwise the old
     * checkpoint is dropped and the upload starts fresh, saying why.
     */
    private Optional<UploadCheckpoint> resumable(UploadCheckpoint identity, PartPlan plan) {
        Optional<UploadCheckpoint> stored = checkpoints.load(identity);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        UploadCheckpoint checkpoint = stored.get();
        if (!checkpoint.matches(identity)) {
            checkpoints.delete(identity);
            checkpoints.notice(identity.file() + " changed since its interrupted upload; starting fresh");
            return Optional.empty();
        }
        if (checkpoint.merged()) {
            checkpoints.notice("resuming the upload of " + identity.file() + ": all "
                    + plan.parts().size() + " parts are stored and merged; committing");
            return Optional.of(checkpoint);
        }
        HostFailover hosts = new HostFailover(checkpoint.uploadHosts(), () -> false, storage.retryPolicy());
        Map<Integer, StoredPart> held;
        try {
            held = hosts.call(host -> storage.listParts(target(checkpoint, host), checkpoint.uploadId()));
        } catch (StorageException e) {
            Optional<UploadCheckpoint> merged = mergedAgain(checkpoint, plan, hosts);
            if (merged.isPresent()) {
                checkpoints.save(merged.get());
                checkpoints.notice("resuming the upload of " + identity.file() + ": all "
                        + plan.parts().size() + " parts were stored and are merged; committing");
                return merged;
            }
            checkpoints.delete(identity);
            checkpoints.notice("the interrupted upload of " + identity.file() + " cannot be resumed (" + e.getMessage()
                    + "); starting fresh");
            return Optional.empty();
        }
        Map<Integer, String> confirmed = new TreeMap<>();
        for (PartPlan.Part part : plan.parts()) {
            String crc = checkpoint.partCrcs().get(part.number());
            StoredPart onServer = held.get(part.number());
            if (crc != null && onServer != null && crc.equals(onServer.crc32()) && onServer.size() == part.length()) {
                confirmed.put(part.number(), crc);
            }
        }
        UploadCheckpoint kept = checkpoint.withParts(confirmed);
        checkpoints.notice("resuming the upload of " + identity.file() + ": " + confirmed.size() + " of "
                + plan.parts().size() + " parts are already stored");
        return Optional.of(kept);
    }

    /**
     * When every part was stored but the upload is no longer listed — the client stopped after sending the merge,
     * before hearing its answer — the merge is sent again (a storage answers a repeated merge of the same parts with
     * the merged object); empty when that fails too.
     */
    private Optional<UploadCheckpoint> mergedAgain(UploadCheckpoint checkpoint, PartPlan plan, HostFailover hosts) {
        List<String> crcs = new ArrayList<>(plan.parts().size());
        for (PartPlan.Part part : plan.parts()) {
            String crc = checkpoint.partCrcs().get(part.number());
            if (crc == null) {
                return Optional.empty();
            }
            crcs.add(crc);
        }
        try {
            hosts.call(host -> {
                storage.completeMultipartUpload(
                        target(checkpoint, host), checkpoint.uploadId(), crcs, checkpoint.objectContentType());
                return checkpoint.uploadId();
            });
            return Optional.of(checkpoint.asMerged());
        } catch (StorageException e) {
            LOG.debug("merging the parts again failed: uploadId={} reason={}", checkpoint.uploadId(), e.getMessage());
            return Optional.empty();
        }
    }

    private static StorageTarget target(UploadCheckpoint checkpoint, String host) {
        return new StorageTarget(host, checkpoint.storeUri(), checkpoint.auth(), List.of());
    }

    private void uploadParts(
            PartPlan plan,
            ParallelParts parallel,
            FileChannel channel,
            StorageTarget target,
            String uploadId,
            HostFailover hosts,
            ProgressTracker progress,
            UploadCheckpoint checkpoint) {
        AtomicReference<UploadCheckpoint> state = new AtomicReference<>(checkpoint);
        Map<Integer, String> done = checkpoint == null ? Map.of() : checkpoint.partCrcs();
        if (checkpoint != null) {
            checkpoints.save(checkpoint);
        }
        List<PartPlan.Part> todo = plan.parts().stream()
                .filter(part -> !done.containsKey(part.number()))
                .toList();
        progress.attempt()
                .onBytesSent(plan.parts().stream()
                        .filter(part -> done.containsKey(part.number()))
                        .mapToLong(PartPlan.Part::length)
                        .sum());
        List<PartReceipt> receipts = parallel.run(todo, part -> {
            PartReceipt receipt = hosts.call(host -> withProgress(
                    progress,
                    attempt -> storage.uploadPart(
                            target.withHost(host),
                            uploadId,
                            part.number(),
                            new FileRegion(channel, part.offset(), part.length()),
                            attempt)));
            if (checkpoint != null) {
                checkpoints.save(state.updateAndGet(c -> c.withPart(receipt)));
            }
            return receipt;
        });

        Map<Integer, PartReceipt> byNumber = new TreeMap<>();
        receipts.forEach(receipt -> byNumber.put(receipt.partNumber(), receipt));
        List<String> crcs = new ArrayList<>(plan.parts().size());
        plan.parts()
                .forEach(part -> crcs.add(
                        done.containsKey(part.number())
                                ? done.get(part.number())
                                : byNumber.get(part.number()).crc32()));
        String objectContentType = byNumber.containsKey(1)
                ? byNumber.get(1).objectContentType()
                : state.get().objectContentType();
        hosts.call(host -> {
            storage.completeMultipartUpload(target.withHost(host), uploadId, crcs, objectContentType);
            return uploadId;
        });
        if (checkpoint != null) {
            checkpoints.save(state.get().asMerged()); // a stop before the commit now only commits on the next run
        }
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

    /** GetMeta and Snapshot, then what the metadata adds (AddOptionInfo, StartWorkflow). */
    private static List<UploadFunction> functions(UploadMetadata metadata) {
        List<UploadFunction> functions = new ArrayList<>(UploadFunction.defaults());
        functions.addAll(metadata.functions());
        return functions;
    }
}
