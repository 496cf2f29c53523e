package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code ResponseMetadata} of spec §4.1; {@code Error} only on failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseMetadata(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("Action") String action,
        @JsonProperty("Version") String version,
        @JsonProperty("Service") String service,
        @JsonProperty("Region") String region,
        @JsonProperty("Error") ErrorInfo error) {

    public static final String SERVICE = "vod";

    /** {@code Error{CodeN, Code, Message}}; CodeN omitted when the catalog has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorInfo(
            @JsonProperty("CodeN") Integer codeN,
            @JsonProperty("Code") String code,
            @JsonProperty("Message") String message) {

        public static ErrorInfo of(ApiException e) {
            return new ErrorInfo(e.error().codeN(), e.error().code(), e.getMessage());
        }
    }
}
