package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Result} of StartExecution (spec §9.1). */
public record StartExecutionResult(@JsonProperty("RunId") String runId) {}
