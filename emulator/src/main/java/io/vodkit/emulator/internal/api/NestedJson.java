package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Nested parameter values arrive either as JSON values (JSON bodies) or as JSON-encoded strings (query strings, form
 * bodies, and POSTs that follow the docs' "the parameter type is String" advice). This unwraps the latter.
 */
public final class NestedJson {
    private NestedJson() {}

    /**
     * The value as a JSON structure: objects and arrays as they are, a string holding a JSON object or array parsed.
     *
     * @return empty for absent, null or empty-string values
     * @throws ApiException INVALID_PARAMETER naming {@code parameter} when a string does not hold JSON
     */
    public static Optional<JsonNode> structure(String parameter, JsonNode value) {
        if (value == null
                || value.isNull()
                || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            return Optional.of(value);
        }
        try {
            JsonNode parsed = Json.parse(value.asText());
            if (parsed != null && parsed.isContainerNode()) {
                return Optional.of(parsed);
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw ApiError.INVALID_PARAMETER.exception(parameter, value.asText(), "not a JSON object or array");
    }
}
