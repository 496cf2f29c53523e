package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code Result} of QueryUploadTaskInfo (spec §8.2): {@code Data{MediaInfoList[], NotExistJobIds[]}}.
 */
public record QueryUploadTaskInfoResult(
        @JsonProperty("Data") Data data) {

    public record Data(
            @JsonProperty("MediaInfoList") List<MediaInfo> mediaInfoList,
            @JsonProperty("NotExistJobIds") List<String> notExistJobIds) {}

    /**
     * One job. {@code PosterUri} (the cover the commit made) and {@code ErrorMessage} (why a job failed) are
     * emulator extensions, not in the SDK models; clients that do not know them ignore them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaInfo(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("JobId") String jobId,
            @JsonProperty("SourceUrl") String sourceUrl,
            @JsonProperty("State") String state,
            @JsonProperty("Vid") String vid,
            @JsonProperty("SpaceName") String spaceName,
            @JsonProperty("AccountId") String accountId,
            @JsonProperty("SourceInfo") JsonNode sourceInfo,
            @JsonProperty("CallbackArgs") String callbackArgs,
            @JsonProperty("PosterUri") String posterUri,
            @JsonProperty("ErrorMessage") String errorMessage) {}
}
