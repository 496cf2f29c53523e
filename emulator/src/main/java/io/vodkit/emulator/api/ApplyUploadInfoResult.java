package io.vodkit.emulator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Result} of ApplyUploadInfo (spec §5.2): {@code Data.UploadAddress}. */
public record ApplyUploadInfoResult(@JsonProperty("Data") Data data) {

    public record Data(@JsonProperty("UploadAddress") UploadAddress uploadAddress) {
    }

    public record UploadAddress(
            @JsonProperty("StoreInfos") List<StoreInfo> storeInfos,
            @JsonProperty("UploadHosts") List<String> uploadHosts,
            @JsonProperty("UploadHeader") List<UploadHeader> uploadHeader,
            @JsonProperty("SessionKey") String sessionKey) {
    }

    public record StoreInfo(@JsonProperty("StoreUri") String storeUri, @JsonProperty("Auth") String auth) {
    }

    public record UploadHeader(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
    }
}
