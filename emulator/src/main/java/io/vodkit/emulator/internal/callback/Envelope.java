package io.vodkit.emulator.internal.callback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of every callback (media-management.md A15.1; SDK {@code CallbackResponse}). */
@JsonPropertyOrder({"RequestId", "Version", "EventType", "EventTime", "Data"})
record Envelope(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("Version") String version,
        @JsonProperty("EventType") String eventType,
        @JsonProperty("EventTime") String eventTime,
        @JsonProperty("Data") JsonNode data) {
    static final String VERSION = "1.0";
}
