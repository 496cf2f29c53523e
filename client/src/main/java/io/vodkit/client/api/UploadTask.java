package io.vodkit.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;

/**
 * One {@code MediaInfoList} element of QueryUploadTaskInfo (spec §8.2). Absent text fields are {@code ""}.
 *
 * @param state        the state as the service spelled it (see {@link io.vodkit.client.pull.PullJobState})
 * @param posterUri    the cover URI, when the service reports one (the vodkit emulator does; BytePlus documents no
 *                     such field)
 * @param errorMessage why the job failed, when the service says (the vodkit emulator's {@code ErrorMessage})
 */
public record UploadTask(
        String jobId,
        String sourceUrl,
        String state,
        String vid,
        String spaceName,
        SourceInfo sourceInfo,
        String callbackArgs,
        String posterUri,
        String errorMessage) {

    public static UploadTask from(JsonNode node) {
        return new UploadTask(
                Json.text(node, "JobId"),
                Json.text(node, "SourceUrl"),
                Json.text(node, "State"),
                Json.text(node, "Vid"),
                Json.text(node, "SpaceName"),
                SourceInfo.from(node.path("SourceInfo")),
                Json.text(node, "CallbackArgs"),
                Json.text(node, "PosterUri"),
                Json.text(node, "ErrorMessage"));
    }
}
