package io.vodkit.emulator.pull;

import io.vodkit.emulator.api.Json;
import io.vodkit.emulator.db.UploadSession;
import io.vodkit.emulator.db.UploadSessionRepository;
import io.vodkit.emulator.db.UrlJob;
import io.vodkit.emulator.service.CommitFunctions;
import io.vodkit.emulator.service.Ids;
import io.vodkit.emulator.service.MediaCommitter;
import io.vodkit.emulator.service.ObjectPublisher;
import io.vodkit.emulator.storage.ContentTypeSniffer;
import io.vodkit.emulator.storage.ObjectStore;
import io.vodkit.emulator.storage.StagedFile;
import java.io.IOException;
import java.net.URI;

/**
 * Ingests one URL pull job the way an SDK upload arrives: the job's session (opened at submission, like
 * ApplyUploadInfo) receives the fetched bytes as its object (like the gateway PUT), then {@link MediaCommitter}
 * commits it with the job's Functions (CommitUploadInfo itself).
 */
public final class PullIngest {
    private final SourceFetcher fetcher;
    private final UploadSessionRepository sessions;
    private final ObjectStore objectStore;
    private final ObjectPublisher publisher;
    private final MediaCommitter committer;
    private final Ids ids;

    public PullIngest(SourceFetcher fetcher, UploadSessionRepository sessions, ObjectStore objectStore,
                      ObjectPublisher publisher, MediaCommitter committer, Ids ids) {
        this.fetcher = fetcher;
        this.sessions = sessions;
        this.objectStore = objectStore;
        this.publisher = publisher;
        this.committer = committer;
        this.ids = ids;
    }

    /**
     * Fetches, stores and commits {@code job}'s source.
     *
     * @throws FetchFailure                               the source could not be fetched or did not match its MD5
     * @throws io.vodkit.emulator.api.ApiException        the commit was refused
     * @throws InterruptedException                       the emulator is stopping
     */
    public MediaCommitter.CommittedMedia ingest(UrlJob job) throws FetchFailure, IOException, InterruptedException {
        UploadSession session = sessions.find(job.sessionKey())
                .orElseThrow(() -> new IllegalStateException("job " + job.jobId() + " has no upload session"));
        publisher.checkOwner(job.spaceName(), session.storeUri());
        String objectId = ids.objectId();
        StagedFile staged = fetcher.fetch(URI.create(job.sourceUrl()),
                (body, maxBytes) -> objectStore.receive(objectId, body, maxBytes));
        String md5 = staged.checksums().md5();
        if (!job.expectedMd5().isEmpty() && !job.expectedMd5().equalsIgnoreCase(md5)) {
            staged.discard();
            throw new FetchFailure("MD5 mismatch: expected " + job.expectedMd5() + ", the source has " + md5);
        }
        String contentType = ContentTypeSniffer.sniff(staged.checksums().head(), session.fileName());
        publisher.publish(job.spaceName(), session.storeUri(), objectId, staged, contentType);
        return committer.commit(new MediaCommitter.CommitRequest(job.spaceName(), session.sessionKey(),
                CommitFunctions.parse(Json.parse(job.functionsJson())), job.callbackArgs()));
    }
}
