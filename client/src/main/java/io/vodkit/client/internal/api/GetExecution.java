package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.api.Execution;
import io.vodkit.client.internal.Json;
import java.util.Map;
import java.util.Objects;

/** GetExecution (spec §9.2): {@code GET} with {@code RunId}; the version follows StartExecution's. */
public final class GetExecution {

    public static final String ACTION = "GetExecution";

    private final ApiCaller api;
    private final String version;

    public GetExecution(ApiCaller api, String version) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.version = Objects.requireNonNull(version, "version == null");
    }

    public Execution call(String runId) {
        Objects.requireNonNull(runId, "runId == null");
        JsonNode result = api.get(ACTION, version, Map.of("RunId", runId));
        JsonNode enhance = result.path("Output").path("Task").path("Enhance");
        String reportedRunId = Json.text(result, "RunId");
        return new Execution(
                reportedRunId.isEmpty() ? runId : reportedRunId,
                Json.text(result, "Status"),
                Json.text(result, "Code"),
                Json.text(result, "Message"),
                Json.text(result.path("Meta"), "SpaceName"),
                Json.text(enhance, "FileId"),
                Json.text(enhance, "StoreUri"),
                result.path("Report"));
    }
}
