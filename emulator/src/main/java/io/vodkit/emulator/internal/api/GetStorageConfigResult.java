package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code Result} of GetStorageConfig (spec §10.5, media-management A11): the space's storage origin, with the scheme,
 * and its type-A URL-auth configuration, as the skill's {@code _gen_wild_url} reads them.
 */
public record GetStorageConfigResult(
        @JsonProperty("StorageType") String storageType,
        @JsonProperty("StorageHost") String storageHost,
        @JsonProperty("StorageUrlAuthConfig") UrlAuthConfig urlAuthConfig) {

    public record UrlAuthConfig(
            @JsonProperty("Type") String type,
            @JsonProperty("Status") String status,
            @JsonProperty("TypeAConfig") TypeAConfig typeAConfig) {}

    public record TypeAConfig(
            @JsonProperty("MasterKey") String masterKey,
            @JsonProperty("BackupKey") String backupKey,
            @JsonProperty("ExpireTime") long expireTimeSeconds,
            @JsonProperty("SignatureArgs") String signatureArgs) {}
}
