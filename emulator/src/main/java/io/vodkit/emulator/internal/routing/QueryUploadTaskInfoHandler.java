package io.vodkit.emulator.internal.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.QueryUploadTaskInfoResult;
import io.vodkit.emulator.internal.db.UrlJob;
import io.vodkit.emulator.internal.db.UrlJobState;
import io.vodkit.emulator.internal.pull.UrlPulls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * QueryUploadTaskInfo (spec §8.2): {@code JobIds} comma-separated, at most 20. Known jobs are listed in the order
 * asked, unknown ids in {@code NotExistJobIds}. States: {@code initial}, {@code processing}, {@code success},
 * {@code failed}; {@code Vid} and {@code SourceInfo} are filled on success, {@code ErrorMessage} on failure.
 */
public final class QueryUploadTaskInfoHandler implements ActionHandler {
    private static final String ACCOUNT_ID = "";

    private final UrlPulls pulls;

    public QueryUploadTaskInfoHandler(UrlPulls pulls) {
        this.pulls = pulls;
    }

    @Override
    public Object handle(Params params) {
        String raw = params.requireText("JobIds");
        List<String> jobIds = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (jobIds.isEmpty() || jobIds.size() > UrlPulls.MAX_BATCH) {
            throw ApiError.INVALID_PARAMETER.exception("JobIds", raw, "must name 1 to " + UrlPulls.MAX_BATCH + " jobs");
        }
        List<QueryUploadTaskInfoResult.MediaInfo> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String jobId : jobIds) {
            Optional<UrlJob> job = pulls.find(jobId);
            if (job.isPresent()) {
                found.add(mediaInfo(job.get()));
            } else {
                missing.add(jobId);
            }
        }
        return new QueryUploadTaskInfoResult(new QueryUploadTaskInfoResult.Data(found, missing));
    }

    private static QueryUploadTaskInfoResult.MediaInfo mediaInfo(UrlJob job) {
        return new QueryUploadTaskInfoResult.MediaInfo(
                job.requestId(),
                job.jobId(),
                job.sourceUrl(),
                job.state().wireName(),
                job.vid(),
                job.spaceName(),
                ACCOUNT_ID,
                sourceInfo(job),
                job.callbackArgs(),
                job.posterUri(),
                job.state() == UrlJobState.FAILED ? job.failure() : null);
    }

    private static JsonNode sourceInfo(UrlJob job) {
        try {
            return Json.parse(job.sourceInfoJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.jobId() + " has unreadable SourceInfo", e);
        }
    }
}
