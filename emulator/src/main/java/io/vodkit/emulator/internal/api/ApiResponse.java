package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The OpenAPI envelope of spec §4.1: metadata plus {@code Result} (absent on errors). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse(
        @JsonProperty("ResponseMetadata") ResponseMetadata responseMetadata,
        @JsonProperty("Result") Object result) {}
