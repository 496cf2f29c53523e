package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Result} of DescribeDomainConfig (spec §10.4): the domain and its type-A URL-auth rule. */
public record DescribeDomainConfigResult(
        @JsonProperty("Domain") Domain domain,
        @JsonProperty("Config") Config config) {

    public record Domain(
            @JsonProperty("Domain") String domain,
            @JsonProperty("Cname") String cname,
            @JsonProperty("ConfigStatus") String configStatus,
            @JsonProperty("CreateTime") String createTime,
            @JsonProperty("LockStatus") String lockStatus) {}

    public record Config(
            @JsonProperty("SignedUrlAuthControl") SignedUrlAuthControl signedUrlAuthControl) {}

    public record SignedUrlAuthControl(
            @JsonProperty("SignedUrlAuth") SignedUrlAuth signedUrlAuth) {}

    public record SignedUrlAuth(
            @JsonProperty("Switch") boolean enabled,
            @JsonProperty("SignedUrlAuthRules") List<Rule> rules) {}

    public record Rule(@JsonProperty("SignedUrlAuthAction") Action action) {}

    public record Action(
            @JsonProperty("URLAuthType") String urlAuthType,
            @JsonProperty("MasterSecretKey") String masterSecretKey,
            @JsonProperty("BackupSecretKey") String backupSecretKey,
            @JsonProperty("SignName") String signName,
            @JsonProperty("Duration") long durationSeconds) {}
}
