package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vodkit.client.api.MediaSource;
import java.util.List;
import java.util.Map;

/** The JSON line of a successful restoration, in the shape of the original skill's output (spec §11). */
@JsonPropertyOrder({"Status", "SpaceName", "RunId", "VideoUrls", "AudioUrls", "Texts", "Download"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnhanceOutput(
        @JsonProperty("Status") String status,
        @JsonProperty("SpaceName") String spaceName,
        @JsonProperty("RunId") String runId,
        @JsonProperty("VideoUrls") List<VideoUrl> videoUrls,
        @JsonProperty("AudioUrls") List<Object> audioUrls,
        @JsonProperty("Texts") List<Object> texts,
        @JsonProperty("Download") Map<String, Object> download) {

    /** One restored video: its FileId, its FileName in the space, and a URL that downloads it. */
    @JsonPropertyOrder({"FileId", "DirectUrl", "Source", "Url"})
    public record VideoUrl(
            @JsonProperty("FileId") String fileId,
            @JsonProperty("DirectUrl") String directUrl,
            @JsonProperty("Source") String source,
            @JsonProperty("Url") String url) {
    }

    public static EnhanceOutput success(String spaceName, String runId, String fileId, String fileName, String url) {
        return new EnhanceOutput("Success", spaceName, runId,
                List.of(new VideoUrl(fileId, fileName, MediaSource.DIRECT_URL_PREFIX + fileName, url)), List.of(),
                List.of(), null);
    }

    /** This line with the {@code {"Source","Path","Size","Md5"}} of {@code enhance --download}. */
    public EnhanceOutput withDownload(Map<String, Object> downloaded) {
        return new EnhanceOutput(status, spaceName, runId, videoUrls, audioUrls, texts, downloaded);
    }
}
