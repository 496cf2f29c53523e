package io.vodkit.client.internal.api;

import io.vodkit.client.api.UploadTask;
import java.util.List;

/** QueryUploadTaskInfo's {@code Result.Data}: the jobs found, and the ids the service does not know. */
public record UploadTaskInfo(List<UploadTask> mediaInfoList, List<String> notExistJobIds) {

    public UploadTaskInfo {
        mediaInfoList = List.copyOf(mediaInfoList);
        notExistJobIds = List.copyOf(notExistJobIds);
    }
}
