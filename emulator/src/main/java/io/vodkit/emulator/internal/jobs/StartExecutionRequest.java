package io.vodkit.emulator.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.NestedJson;
import java.util.Optional;

/**
 * A StartExecution request (spec §9.1) whose structure is valid: an input ({@code Vid}, or {@code DirectUrl} with a
 * FileName and a space) and an {@code Operation.Task.Enhance.MoeEnhance}. The objects are kept for GetExecution's
 * echo.
 *
 * @param vid       the Vid, for {@code Input.Type = Vid}
 * @param fileName  the FileName, for {@code Input.Type = DirectUrl}
 * @param spaceName {@code DirectUrl.SpaceName}, else the top-level {@code SpaceName} (may be null for a Vid)
 */
public record StartExecutionRequest(
        String inputType,
        String vid,
        String fileName,
        String spaceName,
        EnhanceParameters parameters,
        JsonNode input,
        JsonNode operation,
        JsonNode control) {
    public static final String VID = "Vid";
    public static final String DIRECT_URL = "DirectUrl";

    /**
     * Reads the request's objects (JSON values or JSON-encoded strings).
     *
     * @throws io.vodkit.emulator.internal.api.ApiException MISSING_PARAMETER or INVALID_PARAMETER for a malformed structure
     */
    public static StartExecutionRequest parse(
            JsonNode inputParam, JsonNode operationParam, JsonNode controlParam, String topLevelSpace) {
        JsonNode input = object("Input", inputParam);
        String type = input.path("Type").asText("");
        String vid = null;
        String fileName = null;
        String space = topLevelSpace;
        switch (type) {
            case VID -> vid = required(input, "Vid", "Input.Vid");
            case DIRECT_URL -> {
                JsonNode direct = object("Input.DirectUrl", input.get("DirectUrl"));
                fileName = required(direct, "FileName", "Input.DirectUrl.FileName");
                space = Optional.of(direct.path("SpaceName").asText(""))
                        .filter(s -> !s.isEmpty())
                        .orElse(space);
                if (space == null || space.isEmpty()) {
                    throw ApiError.MISSING_PARAMETER.exception("Input.DirectUrl.SpaceName");
                }
            }
            case "" -> throw ApiError.MISSING_PARAMETER.exception("Input.Type");
            default -> throw ApiError.INVALID_PARAMETER.exception("Input.Type", type, "must be Vid or DirectUrl");
        }
        JsonNode operation = object("Operation", operationParam);
        expect(operation, "Type", "Task", "Operation.Type");
        JsonNode task = object("Operation.Task", operation.get("Task"));
        expect(task, "Type", "Enhance", "Operation.Task.Type");
        JsonNode enhance = object("Operation.Task.Enhance", task.get("Enhance"));
        String enhanceType = enhance.path("Type").asText("Moe");
        if (!enhanceType.equals("Moe")) {
            throw ApiError.INVALID_PARAMETER.exception("Operation.Task.Enhance.Type", enhanceType, "must be Moe");
        }
        JsonNode moe = object("Operation.Task.Enhance.MoeEnhance", enhance.get("MoeEnhance"));
        return new StartExecutionRequest(
                type, vid, fileName, space, new EnhanceParameters(moe), input, operation, control(controlParam));
    }

    /** {@code Control.ClientToken}; empty when none was sent. */
    public String clientToken() {
        return control.path("ClientToken").asText("");
    }

    /** {@code Control} as echoed: CallbackArgs, ClientToken and Priority, defaults filled in. */
    private static JsonNode control(JsonNode value) {
        ObjectNode control = JsonNodeFactory.instance.objectNode();
        control.put("CallbackArgs", "");
        control.put("ClientToken", "");
        control.put("Priority", 0);
        NestedJson.structure("Control", value)
                .filter(JsonNode::isObject)
                .ifPresent(given -> control.setAll((ObjectNode) given));
        return control;
    }

    private static JsonNode object(String name, JsonNode value) {
        JsonNode node = NestedJson.structure(name, value).orElseThrow(() -> ApiError.MISSING_PARAMETER.exception(name));
        if (!node.isObject()) {
            throw ApiError.INVALID_PARAMETER.exception(name, node, "must be a JSON object");
        }
        return node;
    }

    private static String required(JsonNode parent, String field, String name) {
        String value = parent.path(field).asText("");
        if (value.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception(name);
        }
        return value;
    }

    private static void expect(JsonNode parent, String field, String expected, String name) {
        String value = required(parent, field, name);
        if (!value.equals(expected)) {
            throw ApiError.INVALID_PARAMETER.exception(name, value, "must be " + expected);
        }
    }
}
