package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Result} of UploadMediaByUrl (spec §8.1): {@code Data} is an array of {@code {JobId, SourceUrl}}. */
public record UploadMediaByUrlResult(@JsonProperty("Data") List<Job> data) {

    public record Job(
            @JsonProperty("JobId") String jobId,
            @JsonProperty("SourceUrl") String sourceUrl) {}
}
