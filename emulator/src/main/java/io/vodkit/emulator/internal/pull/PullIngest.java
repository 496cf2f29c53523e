package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.db.UrlJob;
import io.vodkit.emulator.internal.service.CommitFunctions;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.ObjectPublisher;
import io.vodkit.emulator.internal.storage.ContentTypeSniffer;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.StagedFile;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one URL pull job the way an SDK upload arrives: the job's session (opened at submission, like
 * ApplyUploadInfo) receives the fetched bytes as its object (like the gateway PUT), then {@link MediaCommitter}
 * commits it with the job's Functions (CommitUploadInfo itself).
 *
 * <p>A source is fetched once per job: the object is stored under the job's id, so a job run again (re-claimed
 * after a stop or crash that came after the fetch) finds its bytes already stored, or its session already
 * committed, and only commits — which answers the Vid of an earlier commit.
 */
public final class PullIngest {
    private static final Logger LOG = LoggerFactory.getLogger(PullIngest.class);

    private final SourceFetcher fetcher;
    private final UploadSessionRepository sessions;
    private final ObjectRepository objects;
    private final ObjectStore objectStore;
    private final ObjectPublisher publisher;
    private final MediaCommitter committer;

    public PullIngest(
            SourceFetcher fetcher,
            UploadSessionRepository sessions,
            ObjectRepository objects,
            ObjectStore objectStore,
            ObjectPublisher publisher,
            MediaCommitter committer) {
        this.fetcher = fetcher;
        this.sessions = sessions;
        this.objects = objects;
        this.objectStore = objectStore;
        this.publisher = publisher;
        this.committer = committer;
    }

    /**
     * Fetches (unless this job already did), stores and commits {@code job}'s source.
     *
     * @throws FetchFailure                               the source could not be fetched or did not match its MD5
     * @throws io.vodkit.emulator.internal.api.ApiException        the commit was refused
     * @throws InterruptedException                       the emulator is stopping
     */
    public MediaCommitter.CommittedMedia ingest(UrlJob job) throws FetchFailure, IOException, InterruptedException {
        UploadSession session = sessions.find(job.sessionKey())
                .orElseThrow(() -> new IllegalStateException("job " + job.jobId() + " has no upload session"));
        if (session.committedVid() != null || storedBy(job, session)) {
            LOG.info("URL pull source already stored, committing only jobId={}", job.jobId());
        } else {
            fetchAndStore(job, session);
        }
        return committer.commit(new MediaCommitter.CommitRequest(
                job.spaceName(),
                session.sessionKey(),
                CommitFunctions.parse(Json.parse(job.functionsJson())),
                job.callbackArgs()));
    }

    private boolean storedBy(UrlJob job, UploadSession session) {
        return objects.findByStoreUri(session.storeUri())
                .filter(object -> object.objectId().equals(job.jobId()))
                .isPresent();
    }

    private void fetchAndStore(UrlJob job, UploadSession session)
            throws FetchFailure, IOException, InterruptedException {
        publisher.checkOwner(job.spaceName(), session.storeUri());
        String objectId = job.jobId();
        StagedFile staged = fetcher.fetch(
                URI.create(job.sourceUrl()), (body, maxBytes) -> objectStore.receive(objectId, body, maxBytes));
        String md5 = staged.checksums().md5();
        if (!job.expectedMd5().isEmpty() && !job.expectedMd5().equalsIgnoreCase(md5)) {
            staged.discard();
            throw new FetchFailure("MD5 mismatch: expected " + job.expectedMd5() + ", the source has " + md5);
        }
        String contentType = ContentTypeSniffer.sniff(staged.checksums().head(), session.fileName());
        publisher.publish(job.spaceName(), session.storeUri(), objectId, staged, contentType);
    }
}
