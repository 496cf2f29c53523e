package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Result} of CommitUploadInfo (spec §7.3): {@code Data{Vid, PosterUri, SourceInfo, Mid}}. */
public record CommitUploadInfoResult(@JsonProperty("Data") Data data) {

    public record Data(
            @JsonProperty("Vid") String vid,
            @JsonProperty("PosterUri") String posterUri,
            @JsonProperty("SourceInfo") SourceInfo sourceInfo,
            @JsonProperty("Mid") String mid) {}
}
