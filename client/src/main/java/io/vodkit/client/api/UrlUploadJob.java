package io.vodkit.client.api;

/** One element of UploadMediaByUrl's {@code Result.Data}: the job created for a source URL. */
public record UrlUploadJob(String jobId, String sourceUrl) {}
