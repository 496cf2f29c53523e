package io.vodkit.client.internal.api;

import io.vodkit.client.api.SourceInfo;

/** CommitUploadInfo's {@code Result.Data}: the new media's Vid, cover URI ({@code ""} if none) and source meta. */
public record CommittedMedia(String vid, String posterUri, SourceInfo sourceInfo) {}
