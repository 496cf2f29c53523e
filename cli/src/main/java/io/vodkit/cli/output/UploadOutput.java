package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The one JSON line printed for each uploaded file or URL; {@code JobId} only for URL pulls. */
@JsonPropertyOrder({"Vid", "Source", "PlayURL", "PosterUri", "FileName", "SpaceName", "SourceUrl", "JobId"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadOutput(
        @JsonProperty("Vid") String vid,
        @JsonProperty("Source") String source,
        @JsonProperty("PlayURL") String playUrl,
        @JsonProperty("PosterUri") String posterUri,
        @JsonProperty("FileName") String fileName,
        @JsonProperty("SpaceName") String spaceName,
        @JsonProperty("SourceUrl") String sourceUrl,
        @JsonProperty("JobId") String jobId) {

    public static UploadOutput of(String vid, String playUrl, String posterUri, String fileName, String spaceName,
                                  String sourceUrl, String jobId) {
        return new UploadOutput(vid, "vid://" + vid, playUrl, posterUri == null ? "" : posterUri, fileName,
                spaceName, sourceUrl, jobId);
    }
}
