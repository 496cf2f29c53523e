package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code Result} of ListDomain (spec §10.3), with {@code Total}/{@code Offset} inside {@code Result}. */
public record ListDomainResult(
        @JsonProperty("SpaceName") String spaceName,
        @JsonProperty("PlayInstanceInfo") InstanceInfo playInstanceInfo,
        @JsonProperty("ImageInstanceInfo") InstanceInfo imageInstanceInfo,
        @JsonProperty("DefaultPlayDomain") String defaultPlayDomain,
        @JsonProperty("Total") int total,
        @JsonProperty("Offset") int offset) {

    public record InstanceInfo(
            @JsonProperty("ByteInstances") List<Instance> byteInstances,
            @JsonProperty("OtherInstances") List<Instance> otherInstances) {

        public static InstanceInfo empty() {
            return new InstanceInfo(List.of(), List.of());
        }
    }

    public record Instance(
            @JsonProperty("InstanceId") String instanceId,
            @JsonProperty("Domains") List<Domain> domains) {}

    public record Domain(
            @JsonProperty("Domain") String domain,
            @JsonProperty("Cname") String cname,
            @JsonProperty("CdnStatus") String cdnStatus,
            @JsonProperty("Status") String status,
            @JsonProperty("ConfigStatus") String configStatus,
            @JsonProperty("Certificate") Certificate certificate,
            @JsonProperty("CreateTime") String createTime) {}

    /** {@code ExpiredAt} (ISO-8601 with {@code Z}, as the official skill parses it) only when HTTPS is served. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Certificate(
            @JsonProperty("HttpsStatus") String httpsStatus,
            @JsonProperty("ExpiredAt") String expiredAt) {}
}
