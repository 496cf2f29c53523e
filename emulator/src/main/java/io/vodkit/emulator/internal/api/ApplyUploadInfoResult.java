package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code Result} of ApplyUploadInfo (spec §5.2): {@code Data.UploadAddress}, plus the Volcengine
 * {@code Data.CandidateUploadAddresses} (Main, Backup, Fallback) when the client asked with {@code NeedFallback}.
 */
public record ApplyUploadInfoResult(@JsonProperty("Data") Data data) {

    public record Data(
            @JsonProperty("UploadAddress") UploadAddress uploadAddress,

            @JsonProperty("CandidateUploadAddresses") @JsonInclude(JsonInclude.Include.NON_NULL)
            CandidateUploadAddresses candidateUploadAddresses) {}

    public record CandidateUploadAddresses(
            @JsonProperty("MainUploadAddresses") List<UploadAddress> main,
            @JsonProperty("BackupUploadAddresses") List<UploadAddress> backup,
            @JsonProperty("FallbackUploadAddresses") List<UploadAddress> fallback) {}

    public record UploadAddress(
            @JsonProperty("StoreInfos") List<StoreInfo> storeInfos,
            @JsonProperty("UploadHosts") List<String> uploadHosts,
            @JsonProperty("UploadHeader") List<UploadHeader> uploadHeader,
            @JsonProperty("SessionKey") String sessionKey) {}

    public record StoreInfo(
            @JsonProperty("StoreUri") String storeUri,
            @JsonProperty("Auth") String auth) {}

    public record UploadHeader(
            @JsonProperty("Key") String key,
            @JsonProperty("Value") String value) {}
}
