package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vodkit.client.api.MediaSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON line of a successful restoration, in the shape of the original skill's output (spec §11). */
@JsonPropertyOrder({"Status", "SpaceName", "RunId", "VideoUrls", "AudioUrls", "Texts"})
public record EnhanceOutput(
        @JsonProperty("Status") String status,
        @JsonProperty("SpaceName") String spaceName,
        @JsonProperty("RunId") String runId,
        @JsonProperty("VideoUrls") List<VideoUrl> videoUrls,
        @JsonProperty("AudioUrls") List<Object> audioUrls,
        @JsonProperty("Texts") List<Object> texts) {

    /** One restored video: its FileId, its FileName in the space, and a URL that downloads it. */
    @JsonPropertyOrder({"FileId", "DirectUrl", "Source", "Url"})
    public record VideoUrl(
            @JsonProperty("FileId") String fileId,
            @JsonProperty("DirectUrl") String directUrl,
            @JsonProperty("Source") String source,
            @JsonProperty("Url") String url) {}

    /** This line as a JSON object with {@code extra} fields after the standard ones. */
    public Map<String, Object> with(Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Status", status);
        line.put("SpaceName", spaceName);
        line.put("RunId", runId);
        line.put("VideoUrls", videoUrls);
        line.put("AudioUrls", audioUrls);
        line.put("Texts", texts);
        line.putAll(extra);
        return line;
    }

    public static EnhanceOutput success(String spaceName, String runId, String fileId, String fileName, String url) {
        return new EnhanceOutput(
                "Success",
                spaceName,
                runId,
                List.of(new VideoUrl(fileId, fileName, MediaSource.DIRECT_URL_PREFIX + fileName, url)),
                List.of(),
                List.of());
    }
}
