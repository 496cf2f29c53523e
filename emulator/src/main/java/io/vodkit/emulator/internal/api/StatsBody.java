package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Body of {@code GET /_vodkit/stats}. */
public record StatsBody(
        @JsonProperty("bytes_received") long bytesReceived,
        @JsonProperty("requests") long requests,
        @JsonProperty("uploads_in_progress") long uploadsInProgress,
        @JsonProperty("vids") long vids,
        @JsonProperty("faults_injected") long faultsInjected,
        @JsonProperty("faults") Map<String, Long> faults,
        @JsonProperty("callbacks") Map<String, Long> callbacks) {}
