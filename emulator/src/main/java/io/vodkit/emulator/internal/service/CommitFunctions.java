package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.NestedJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CommitUploadInfo {@code Functions} the emulator performs (spec §7.2): GetMeta, Snapshot, AddOptionInfo and
 * StartWorkflow ({@code TemplateId} and {@code TemplateIds}, media-management.md A12). Other function names
 * (CaptionUpload) are accepted and ignored, with a log line.
 *
 * @param snapshotSeconds the Snapshot time, or {@code null} when no Snapshot was requested
 * @param options the AddOptionInfo input (an empty object when absent)
 * @param templateIds the workflow templates to start, without repeats
 */
public record CommitFunctions(boolean getMeta, Double snapshotSeconds, ObjectNode options, List<String> templateIds) {
    private static final Logger LOG = LoggerFactory.getLogger(CommitFunctions.class);
    private static final String PARAMETER = "Functions";

    public static final CommitFunctions NONE =
            new CommitFunctions(false, null, JsonNodeFactory.instance.objectNode(), List.of());

    /** Parses {@code Functions} given as a JSON array or a JSON-encoded string; absent → {@link #NONE}. */
    public static CommitFunctions parse(JsonNode value) {
        Optional<JsonNode> functions = NestedJson.structure(PARAMETER, value);
        if (functions.isEmpty()) {
            return NONE;
        }
        if (!functions.get().isArray()) {
            throw ApiError.INVALID_PARAMETER.exception(PARAMETER, functions.get(), "must be a JSON array");
        }
        boolean getMeta = false;
        Double snapshot = null;
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        Set<String> templates = new LinkedHashSet<>();
        for (JsonNode function : functions.get()) {
            String name = function.path("Name").asText("");
            JsonNode input = NestedJson.structure(PARAMETER, function.get("Input"))
                    .orElse(JsonNodeFactory.instance.objectNode());
            switch (name) {
                case "GetMeta" -> getMeta = true;
                case "Snapshot" -> snapshot = snapshotTime(input);
                case "AddOptionInfo" -> options = optionInfo(input);
                case "StartWorkflow" -> templates.addAll(templateIds(input));
                case "" -> throw ApiError.INVALID_PARAMETER.exception(PARAMETER, function, "a function has no Name");
                default -> LOG.info("Ignoring unsupported upload function name={}", name);
            }
        }
        return new CommitFunctions(getMeta, snapshot, options, List.copyOf(templates));
    }

    private static double snapshotTime(JsonNode input) {
        JsonNode time = input.get("SnapshotTime");
        if (time == null || time.isNull() || time.asText().isEmpty()) {
            return 0;
        }
        try {
            double seconds = time.isNumber() ? time.asDouble() : Double.parseDouble(time.asText());
            if (seconds >= 0 && Double.isFinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.INVALID_PARAMETER.exception("SnapshotTime", time.asText(), "must be a number of seconds >= 0");
    }

    /** {@code TemplateId} and {@code TemplateIds}; {@code ""} and {@code []} (the Java SDK's defaults) are none. */
    private static List<String> templateIds(JsonNode input) {
        List<String> ids = new ArrayList<>();
        String one = input.path("TemplateId").asText("").strip();
        if (!one.isEmpty()) {
            ids.add(one);
        }
        input.path("TemplateIds").forEach(id -> {
            if (!id.asText("").isBlank()) {
                ids.add(id.asText().strip());
            }
        });
        return ids;
    }

    private static ObjectNode optionInfo(JsonNode input) {
        if (!input.isObject()) {
            throw ApiError.INVALID_PARAMETER.exception("AddOptionInfo.Input", input, "must be a JSON object");
        }
        String title = input.path("Title").asText("");
        if (title.length() > Limits.MAX_TITLE_CHARS) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "Title", title, "longer than " + Limits.MAX_TITLE_CHARS + " characters");
        }
        return ((ObjectNode) input).deepCopy();
    }
}
