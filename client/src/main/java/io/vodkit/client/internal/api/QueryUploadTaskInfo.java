package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.api.UploadTask;
import io.vodkit.client.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** QueryUploadTaskInfo (spec §8.2): {@code GET}, Version 2023-01-01, {@code JobIds=a,b} (at most 20). */
public final class QueryUploadTaskInfo {

    public static final String ACTION = "QueryUploadTaskInfo";
    public static final String VERSION = "2023-01-01";
    /** Most JobIds in one query. */
    public static final int MAX_JOB_IDS = 20;

    private final ApiCaller api;

    public QueryUploadTaskInfo(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    /** Queries 1…{@value #MAX_JOB_IDS} jobs. */
    public UploadTaskInfo call(List<String> jobIds) {
        if (jobIds.isEmpty() || jobIds.size() > MAX_JOB_IDS) {
            throw new IllegalArgumentException("1 to " + MAX_JOB_IDS + " JobIds per query, got " + jobIds.size());
        }
        JsonNode data = api.get(ACTION, VERSION, Map.of("JobIds", String.join(",", jobIds)))
                .path("Data");
        // the old ja doc names the list VideoInfoList (spec §8.2)
        String list = data.has("MediaInfoList") ? "MediaInfoList" : "VideoInfoList";
        return new UploadTaskInfo(
                Json.list(data, list, UploadTask::from), Json.list(data, "NotExistJobIds", JsonNode::asText));
    }
}
