package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The storage-gateway reply body of spec §6.2: {@code success} 0 and {@code error.code} 200 on success; on failure
 * {@code success} -1 and {@code error} carries the HTTP status, the gateway error code, its name and the message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayResponse(
        @JsonProperty("Version") String version,
        @JsonProperty("success") int success,
        @JsonProperty("error") Status error,
        @JsonProperty("payload") Object payload) {

    private static final String VERSION = "";

    public record Status(
            @JsonProperty("code") int code,
            @JsonProperty("error") String error,
            @JsonProperty("error_code") int errorCode,
            @JsonProperty("message") String message) {}

    public static GatewayResponse ok(Object payload) {
        return new GatewayResponse(VERSION, 0, new Status(200, "", 0, ""), payload);
    }

    public static GatewayResponse failed(GatewayException e) {
        GatewayError error = e.error();
        return new GatewayResponse(
                VERSION,
                -1,
                new Status(error.httpStatus(), error.errorName(), error.errorCode(), e.getMessage()),
                null);
    }
}
