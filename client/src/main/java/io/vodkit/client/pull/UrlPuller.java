package io.vodkit.client.pull;

import io.vodkit.client.VodException;
import io.vodkit.client.api.UploadTask;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.api.QueryUploadTaskInfo;
import io.vodkit.client.internal.api.UploadMediaByUrl;
import io.vodkit.client.internal.api.UploadTaskInfo;
import io.vodkit.client.internal.jobs.JobPoller;
import io.vodkit.client.jobs.PollOutcome;
import io.vodkit.client.upload.UploadResult;
import io.vodkit.client.url.PlayUrlResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * URL pull uploads (spec §8): submits URLs with UploadMediaByUrl in batches of {@value UploadMediaByUrl#MAX_URL_SETS}
 * and waits for the jobs with QueryUploadTaskInfo, {@value QueryUploadTaskInfo#MAX_JOB_IDS} ids per query, through
 * {@link JobPoller}. Waiting works for any JobIds, so a timed-out wait resumes the same jobs (never re-submits); each
 * job that succeeded carries what it stored with its play URL, as a local upload's {@link UploadResult} does.
 */
public final class UrlPuller {

    private static final Logger LOG = LoggerFactory.getLogger(UrlPuller.class);

    private final UploadMediaByUrl uploadMediaByUrl;
    private final QueryUploadTaskInfo queryUploadTaskInfo;
    private final JobPoller poller;
    private final PlayUrlResolver playUrls;

    public UrlPuller(ApiCaller api, JobPoller poller, PlayUrlResolver playUrls) {
        this.uploadMediaByUrl = new UploadMediaByUrl(api);
        this.queryUploadTaskInfo = new QueryUploadTaskInfo(api);
        this.poller = Objects.requireNonNull(poller, "poller == null");
        this.playUrls = Objects.requireNonNull(playUrls, "playUrls == null");
    }

    /**
     * Submits every request to {@code spaceName}.
     *
     * @return one job per request, in request order
     * @throws io.vodkit.client.VodException when a batch is refused (batches sent before it stay submitted)
     */
    public List<UrlUploadJob> submit(String spaceName, List<UrlPullRequest> requests) {
        List<UrlUploadJob> jobs = new ArrayList<>(requests.size());
        for (List<UrlPullRequest> batch : batches(requests, UploadMediaByUrl.MAX_URL_SETS)) {
            List<UrlUploadJob> submitted = uploadMediaByUrl.call(
                    spaceName, batch.stream().map(UrlPullRequest::toUrlSet).toList());
            if (submitted.size() != batch.size()) {
                throw new VodException(UploadMediaByUrl.ACTION + " returned " + submitted.size() + " jobs for "
                        + batch.size() + " URLs");
            }
            jobs.addAll(submitted);
        }
        LOG.debug("url pull submitted space={} jobs={}", spaceName, jobs.size());
        return List.copyOf(jobs);
    }

    /**
     * Polls until every job succeeded or failed, or the poll attempts run out; each job that succeeded then carries
     * {@link PullJobStatus#media() what it stored}, with its play URL.
     *
     * @param spaceName the space the jobs were submitted to (for an answer that names none)
     * @param observer  sees each job's status whenever a query reports it (for progress output)
     */
    public PullResult await(String spaceName, List<String> jobIds, Consumer<PullJobStatus> observer) {
        if (jobIds.isEmpty()) {
            throw new IllegalArgumentException("no JobIds to wait for");
        }
        Map<String, PullJobStatus> latest = unknown(jobIds);
        PollOutcome<List<PullJobStatus>> outcome = poller.poll(
                () -> queryOpen(latest, observer),
                statuses -> statuses.stream().allMatch(s -> s.state().isFinal()),
                statuses -> {});
        return new PullResult(
                latest.values().stream()
                        .map(status -> stored(spaceName, status))
                        .toList(),
                outcome instanceof PollOutcome.TimedOut,
                outcome.attempts(),
                outcome.waited());
    }

    /**
     * Asks once about {@code jobIds} (in batches): their statuses, in the order given; a job no query answered for
     * stays {@link PullJobState#UNKNOWN}. Any failure is thrown.
     */
    public List<PullJobStatus> query(List<String> jobIds) {
        return queryOpen(unknown(jobIds), status -> {});
    }

    /** A successful job's status with what it stored and its play URL; any other status as it is. */
    private PullJobStatus stored(String spaceName, PullJobStatus status) {
        if (status.state() != PullJobState.SUCCESS || status.task().isEmpty()) {
            return status;
        }
        UploadTask task = status.task().get();
        UploadResult stored = UploadResult.stored(
                task.vid(),
                task.posterUri(),
                task.sourceInfo().storeUri(),
                task.spaceName().isEmpty() ? spaceName : task.spaceName(),
                task.sourceInfo());
        return status.withMedia(
                stored.fileName().isEmpty()
                        ? stored
                        : stored.withPlayUrl(
                                playUrls.playUrlOrEmpty(stored.spaceName(), stored.fileName(), stored.vid())));
    }

    private static Map<String, PullJobStatus> unknown(List<String> jobIds) {
        Map<String, PullJobStatus> statuses = new LinkedHashMap<>();
        jobIds.forEach(id -> statuses.put(id, PullJobStatus.unknown(id)));
        return statuses;
    }

    /** Queries every unfinished job (in batches), updates {@code latest}, returns all statuses. */
    private List<PullJobStatus> queryOpen(Map<String, PullJobStatus> latest, Consumer<PullJobStatus> observer) {
        List<String> open = latest.values().stream()
                .filter(s -> !s.state().isFinal())
                .map(PullJobStatus::jobId)
                .toList();
        for (List<String> batch : batches(open, QueryUploadTaskInfo.MAX_JOB_IDS)) {
            UploadTaskInfo info = queryUploadTaskInfo.call(batch);
            for (UploadTask task : info.mediaInfoList()) {
                if (latest.containsKey(task.jobId())) {
                    update(latest, PullJobStatus.of(task), observer);
                }
            }
            for (String missing : info.notExistJobIds()) {
                if (latest.containsKey(missing)) {
                    update(latest, PullJobStatus.missing(missing), observer);
                }
            }
        }
        return List.copyOf(latest.values());
    }

    private static void update(
            Map<String, PullJobStatus> latest, PullJobStatus status, Consumer<PullJobStatus> observer) {
        latest.put(status.jobId(), status);
        observer.accept(status);
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
