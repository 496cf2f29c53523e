package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vodkit.cli.ExitCodes;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.upload.UploadResult;

/**
 * The one JSON line printed for each uploaded file or URL; {@code JobId} only for URL pulls, {@code Skipped} only
 * for a file the ledger shows was already uploaded (the line is then that upload's, with a fresh PlayURL).
 */
@JsonPropertyOrder({"Vid", "Source", "PlayURL", "PosterUri", "FileName", "SpaceName", "SourceUrl", "JobId", "Skipped"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadOutput(
        @JsonProperty("Vid") String vid,
        @JsonProperty("Source") String source,
        @JsonProperty("PlayURL") String playUrl,
        @JsonProperty("PosterUri") String posterUri,
        @JsonProperty("FileName") String fileName,
        @JsonProperty("SpaceName") String spaceName,
        @JsonProperty("SourceUrl") String sourceUrl,
        @JsonProperty("JobId") String jobId,
        @JsonProperty("Skipped") Boolean skipped)
        implements UploadLine {

    public static UploadOutput of(
            String vid,
            String playUrl,
            String posterUri,
            String fileName,
            String spaceName,
            String sourceUrl,
            String jobId) {
        return new UploadOutput(
                vid,
                MediaSource.VID_PREFIX + vid,
                playUrl,
                posterUri == null ? "" : posterUri,
                fileName,
                spaceName,
                sourceUrl,
                jobId,
                null);
    }

    /** The line of an uploaded local file ({@code skipped}: the ledger's earlier upload of the same bytes). */
    public static UploadOutput of(UploadResult result, String file, boolean skipped) {
        UploadOutput line = of(
                result.vid(), result.playUrl(), result.posterUri(), result.fileName(), result.spaceName(), file, null);
        return skipped ? line.asSkipped() : line;
    }

    @Override
    @JsonIgnore
    public int exitCode() {
        return ExitCodes.OK;
    }

    /** This line marked {@code "Skipped": true}. */
    public UploadOutput asSkipped() {
        return new UploadOutput(vid, source, playUrl, posterUri, fileName, spaceName, sourceUrl, jobId, true);
    }
}
