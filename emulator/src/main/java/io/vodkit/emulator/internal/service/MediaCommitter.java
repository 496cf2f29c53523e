package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.SourceInfo;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.MediaEntry;
import io.vodkit.emulator.internal.db.MediaRecord;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.media.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CommitUploadInfo (spec §7): turns a completed upload into a Vid, once per SessionKey, running the requested
 * functions (GetMeta, Snapshot, AddOptionInfo) and starting the requested workflows; a workflow template that does
 * not exist refuses the commit before a Vid is made.
 *
 * <p>Repeating a commit is safe (the emulator's choice; the spec is silent): a SessionKey that is already committed
 * answers what its first commit answered (same Vid, PosterUri and SourceInfo; the repeat's Functions and
 * CallbackArgs are ignored), so a client whose commit reply was lost simply commits again. While the first commit
 * still runs, a repeat gets {@link ApiError#COMMIT_IN_PROGRESS} (503), which clients retry.
 *
 * <p>A new Vid sends FileUploadComplete (a file upload; a URL pull sends FileUploadByUrlComplete instead) and, when
 * GetMeta ran, UploadGetMetaComplete; a repeated commit sends nothing.
 */
public final class MediaCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(MediaCommitter.class);
    private static final String POSTER_CONTENT_TYPE = "image/jpeg";

    /** CommitUploadInfo input; {@code callbackArgs} may be null. */
    public record CommitRequest(String spaceName, String sessionKey, CommitFunctions functions, String callbackArgs) {}

    /** The committed asset as CommitUploadInfo returns it. */
    public record CommittedMedia(String vid, String posterUri, SourceInfo sourceInfo) {}

    private final Spaces spaces;
    private final UploadSessionRepository sessions;
    private final ObjectRepository objects;
    private final MediaRepository media;
    private final ObjectPublisher publisher;
    private final SourceOutputs outputs;
    private final Ids ids;
    private final Clock clock;
    private final Workflows workflows;
    private final CallbackEvents events;

    public MediaCommitter(
            Spaces spaces,
            UploadSessionRepository sessions,
            ObjectRepository objects,
            MediaRepository media,
            ObjectPublisher publisher,
            SourceOutputs outputs,
            Ids ids,
            Clock clock,
            Workflows workflows,
            CallbackEvents events) {
        this.spaces = spaces;
        this.sessions = sessions;
        this.objects = objects;
        this.media = media;
        this.publisher = publisher;
        this.outputs = outputs;
        this.ids = ids;
        this.clock = clock;
        this.workflows = workflows;
        this.events = events;
    }

    public CommittedMedia commit(CommitRequest request) throws IOException {
        String space = spaces.requireKnown(request.spaceName());
        String callbackArgs = request.callbackArgs() == null ? "" : request.callbackArgs();
        checkCallbackArgs(callbackArgs);
        workflows.requireKnown(request.functions().templateIds());
        UploadSession session = sessions.find(request.sessionKey())
                .filter(s -> s.spaceName().equals(space))
                .orElseThrow(() -> ApiError.SESSION_NOT_FOUND.exception(request.sessionKey(), space));
        if (session.committedVid() != null) {
            return committedBefore(session.sessionKey(), session.committedVid());
        }
        StoredObject object = objects.findByStoreUri(session.storeUri())
                .orElseThrow(() -> ApiError.UPLOAD_NOT_COMPLETE.exception(session.storeUri()));

        String vid = ids.vid();
        // claimed while no upload can publish over the object, which from then on is immutable
        if (!publisher.whileLocked(session.storeUri(), () -> sessions.claimForCommit(session.sessionKey(), vid))) {
            String winner = sessions.find(session.sessionKey())
                    .map(UploadSession::committedVid)
                    .orElse("");
            return committedBefore(session.sessionKey(), winner);
        }
        CommittedMedia committed;
        try {
            object = objects.findByStoreUri(session.storeUri())
                    .orElseThrow(() -> ApiError.UPLOAD_NOT_COMPLETE.exception(session.storeUri()));
            committed = describe(space, vid, object, request.functions());
            media.insert(new MediaRecord(
                    vid,
                    space,
                    session.sessionKey(),
                    object.fileName(),
                    object.storeUri(),
                    committed.posterUri(),
                    Json.text(committed.sourceInfo()),
                    Json.text(request.functions().options()),
                    callbackArgs,
                    clock.instant()));
            LOG.info(
                    "Committed vid={} space={} storeUri={} poster={}",
                    vid,
                    space,
                    object.storeUri(),
                    !committed.posterUri().isEmpty());
            workflows.start(space, vid, object, request.functions().templateIds(), callbackArgs);
        } catch (IOException | RuntimeException e) {
            sessions.releaseClaim(session.sessionKey(), vid);
            throw e;
        }
        announce(space, committed, request.functions(), callbackArgs);
        return committed;
    }

    private void announce(String space, CommittedMedia committed, CommitFunctions functions, String callbackArgs) {
        boolean pulled = media.findEntry(committed.vid())
                .map(MediaEntry::uploadSource)
                .filter(MediaRepository.URL_UPLOAD::equals)
                .isPresent();
        if (!pulled) {
            events.fileUploaded(
                    space,
                    committed.vid(),
                    committed.sourceInfo(),
                    Optional.ofNullable(functions.snapshotSeconds()).map(seconds -> committed.posterUri()),
                    callbackArgs,
                    functions.templateIds());
        }
        if (functions.getMeta()) {
            events.metaExtracted(space, committed.vid(), committed.sourceInfo(), committed.posterUri());
        }
    }

    /** The answer of the commit that made {@code vid}; COMMIT_IN_PROGRESS while that commit still runs. */
    private CommittedMedia committedBefore(String sessionKey, String vid) throws IOException {
        MediaRecord record = media.find(vid).orElseThrow(() -> ApiError.COMMIT_IN_PROGRESS.exception(sessionKey));
        LOG.info("Commit repeated vid={} sessionKey={}", vid, sessionKey);
        return new CommittedMedia(
                vid, record.posterUri(), Json.convert(Json.parse(record.sourceInfoJson()), SourceInfo.class));
    }

    /** CallbackArgs (null = none) must fit {@link Limits#MAX_CALLBACK_ARGS_BYTES}; else INVALID_PARAMETER. */
    public static void checkCallbackArgs(String callbackArgs) {
        if (callbackArgs != null
                && callbackArgs.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_CALLBACK_ARGS_BYTES) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "CallbackArgs", callbackArgs, "longer than " + Limits.MAX_CALLBACK_ARGS_BYTES + " bytes");
        }
    }

    private CommittedMedia describe(String space, String vid, StoredObject object, CommitFunctions functions)
            throws IOException {
        boolean wantsProbe = functions.getMeta() || functions.snapshotSeconds() != null;
        Optional<ProbeResult> probe = wantsProbe ? outputs.probe(object) : Optional.empty();
        SourceInfo sourceInfo = SourceInfos.of(object, functions.getMeta() ? probe : Optional.empty());
        String posterUri = "";
        if (functions.snapshotSeconds() != null
                && probe.map(ProbeResult::hasVideo).orElse(false)) {
            posterUri = poster(space, vid, object, functions.snapshotSeconds());
        }
        return new CommittedMedia(vid, posterUri, sourceInfo);
    }

    /**
     * Extracts a JPEG frame, stores it as object {@code _vodkit/posters/<vid>.jpg} while {@code video} is still
     * stored, and returns its StoreUri; "" when no frame could be made or {@code video} is gone.
     */
    private String poster(String space, String vid, StoredObject video, double atSeconds) throws IOException {
        Path jpeg = outputs.workFile(vid + "-", ".jpg");
        try {
            if (!outputs.snapshot(video, atSeconds, jpeg)) {
                return "";
            }
            String storeUri = Spaces.storeUri(space, FileNameRules.RESERVED_PREFIX + "posters/" + vid + ".jpg");
            return outputs.publish(video, storeUri, jpeg, POSTER_CONTENT_TYPE, poster -> {})
                    .map(StoredObject::storeUri)
                    .orElse("");
        } finally {
            Files.deleteIfExists(jpeg);
        }
    }
}
