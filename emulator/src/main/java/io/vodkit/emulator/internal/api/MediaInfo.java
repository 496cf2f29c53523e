package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code MediaInfo} of GetMediaInfos and GetMediaList (media-management.md A3): BasicInfo, the SourceInfo stored at
 * commit, and TranscodeInfos (the outputs of its StartWorkflow runs).
 */
public record MediaInfo(
        @JsonProperty("BasicInfo") BasicInfo basicInfo,
        @JsonProperty("SourceInfo") JsonNode sourceInfo,
        @JsonProperty("TranscodeInfos") List<JsonNode> transcodeInfos) {

    /**
     * A3.2. {@code Category} and {@code RecordType} are not in the SDK models (parsers ignore them); the emulator
     * shows them when the upload set them, so that what AddOptionInfo stored can be read back.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BasicInfo(
            @JsonProperty("SpaceName") String spaceName,
            @JsonProperty("Vid") String vid,
            @JsonProperty("Title") String title,
            @JsonProperty("Description") String description,
            @JsonProperty("PosterUri") String posterUri,
            @JsonProperty("PublishStatus") String publishStatus,
            @JsonProperty("Tags") List<String> tags,
            @JsonProperty("CreateTime") String createTime,
            @JsonProperty("Classification") Classification classification,
            @JsonProperty("TosStorageClass") String tosStorageClass,
            @JsonProperty("VodUploadSource") String vodUploadSource,
            @JsonProperty("Category") String category,
            @JsonProperty("RecordType") Integer recordType) {}

    /** A3.3, for media with a ClassificationId (the emulator keeps no classification names or trees). */
    public record Classification(
            @JsonProperty("SpaceName") String spaceName,
            @JsonProperty("ClassificationId") long classificationId,
            @JsonProperty("Level") int level,
            @JsonProperty("Classification") String classification,
            @JsonProperty("ParentClassificationId") long parentClassificationId) {}
}
