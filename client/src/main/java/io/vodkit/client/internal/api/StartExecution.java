package io.vodkit.client.internal.api;

import io.vodkit.client.VodException;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * StartExecution (spec §9.1): {@code POST} with a JSON body, an enhance task on one input; returns the RunId. The
 * version is configurable because it has drifted (2025-07-01 on BytePlus, 2025-01-01 on Volcengine). Each call is
 * one submission with a fresh {@code Control.ClientToken}, which every retry of that call repeats, so a retry after
 * a lost reply gets the same RunId instead of starting a second job.
 */
public final class StartExecution {

    public static final String ACTION = "StartExecution";

    private final ApiCaller api;
    private final String version;

    public StartExecution(ApiCaller api, String version) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.version = Objects.requireNonNull(version, "version == null");
    }

    /** Submits the job and returns its {@code RunId} (e.g. {@code hb:…}). */
    public String call(MediaInput input, MoeEnhance enhance) {
        Map<String, Object> enhanceJson = new LinkedHashMap<>();
        enhanceJson.put("Type", "Moe");
        enhanceJson.put("MoeEnhance", enhance.toJson());
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Type", "Enhance");
        task.put("Enhance", enhanceJson);
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("Type", "Task");
        operation.put("Task", task);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Input", input.toJson());
        body.put("Operation", operation);
        body.put("Control", Map.of("ClientToken", UUID.randomUUID().toString()));

        String runId = Json.text(api.postJson(ACTION, version, body), "RunId");
        if (runId.isEmpty()) {
            throw new VodException(ACTION + ": reply has no Result.RunId");
        }
        return runId;
    }
}
