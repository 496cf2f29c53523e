package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Result} of GetExecution (spec §9.2). {@code Output} is set on success only. {@code Message} (why a job
 * failed) and {@code Report} (what the restoration measured and did) are emulator extensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetExecutionResult(
        @JsonProperty("RunId") String runId,
        @JsonProperty("Status") String status,
        @JsonProperty("Code") String code,
        @JsonProperty("Message") String message,
        @JsonProperty("Input") JsonNode input,
        @JsonProperty("Operation") JsonNode operation,
        @JsonProperty("Control") JsonNode control,
        @JsonProperty("Meta") Meta meta,
        @JsonProperty("Output") JsonNode output,
        @JsonProperty("Report") JsonNode report) {

    /** Times are ISO-8601 UTC, {@code ""} when not reached yet. */
    public record Meta(
            @JsonProperty("SpaceName") String spaceName,
            @JsonProperty("CreateTime") String createTime,
            @JsonProperty("StartTime") String startTime,
            @JsonProperty("EndTime") String endTime,
            @JsonProperty("Trigger") String trigger) {}
}
