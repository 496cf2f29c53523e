package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code Result} objects of the media-management actions (media-management.md A4–A10). */
public final class MediaResults {
    private MediaResults() {}

    /** GetMediaInfos; {@code NotExistVids} only when some Vid is unknown (S9). */
    public record Infos(
            @JsonProperty("MediaInfoList") List<MediaInfo> mediaInfoList,

            @JsonProperty("NotExistVids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> notExistVids) {}

    /** GetMediaList: the window, and how many media match the filter before windowing. */
    public record Page(
            @JsonProperty("SpaceName") String spaceName,
            @JsonProperty("MediaInfoList") List<MediaInfo> mediaInfoList,
            @JsonProperty("TotalCount") int totalCount,
            @JsonProperty("Offset") int offset,
            @JsonProperty("PageSize") int pageSize) {}

    /** DeleteMedia and UpdateMediaStorageClass. */
    public record NotExist(@JsonProperty("NotExistVids") List<String> notExistVids) {}

    /** DeleteMediaTosFile. */
    public record FailedFiles(
            @JsonProperty("FailedFileNames") List<String> failedFileNames) {}
}
