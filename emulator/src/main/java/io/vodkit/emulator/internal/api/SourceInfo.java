package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code SourceInfo} of spec §7.3. The storage fields are always set; the media fields, the stream metas included,
 * are {@code null} (omitted) when GetMeta was not requested or ffprobe could not read the file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceInfo(
        @JsonProperty("FileId") String fileId,
        @JsonProperty("Md5") String md5,
        @JsonProperty("FileType") String fileType,
        @JsonProperty("Codec") String codec,
        @JsonProperty("Height") Integer height,
        @JsonProperty("Width") Integer width,
        @JsonProperty("Format") String format,
        @JsonProperty("Duration") Double duration,
        @JsonProperty("Size") Long size,
        @JsonProperty("StoreUri") String storeUri,
        @JsonProperty("Definition") String definition,
        @JsonProperty("Bitrate") Long bitrate,
        @JsonProperty("Fps") Double fps,
        @JsonProperty("CreateTime") String createTime,
        @JsonProperty("TosStorageClass") String tosStorageClass,
        @JsonProperty("FileName") String fileName,
        @JsonProperty("VideoStreamMeta") VideoStreamMeta videoStreamMeta,
        @JsonProperty("AudioStreamMeta") AudioStreamMeta audioStreamMeta) {}
