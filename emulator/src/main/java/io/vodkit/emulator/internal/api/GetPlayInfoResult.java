package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Result} of GetPlayInfo (spec §10.2), the fields the emulator fills. {@code Status} 10 = normal. */
public record GetPlayInfoResult(
        @JsonProperty("Vid") String vid,
        @JsonProperty("Status") int status,
        @JsonProperty("PosterUrl") String posterUrl,
        @JsonProperty("Duration") double duration,
        @JsonProperty("FileType") String fileType,
        @JsonProperty("TotalCount") int totalCount,
        @JsonProperty("PlayInfoList") List<PlayInfo> playInfoList) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlayInfo(
            @JsonProperty("FileId") String fileId,
            @JsonProperty("Md5") String md5,
            @JsonProperty("FileType") String fileType,
            @JsonProperty("Format") String format,
            @JsonProperty("Codec") String codec,
            @JsonProperty("Definition") String definition,
            @JsonProperty("MainPlayUrl") String mainPlayUrl,
            @JsonProperty("BackupPlayUrl") String backupPlayUrl,
            @JsonProperty("Bitrate") Long bitrate,
            @JsonProperty("Width") Integer width,
            @JsonProperty("Height") Integer height,
            @JsonProperty("Size") Long size,
            @JsonProperty("Duration") Double duration) {}
}
