package io.vodkit.cli.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schema of a tool's arguments: an object of named, described properties, some required. */
final class InputSchema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    InputSchema string(String name, String description) {
        return property(name, Map.of("type", "string", "description", description));
    }

    InputSchema oneOf(String name, String description, List<String> values) {
        return property(name, Map.of("type", "string", "enum", values, "description", description));
    }

    InputSchema bool(String name, String description) {
        return property(name, Map.of("type", "boolean", "description", description));
    }

    /** A whole number, also accepted as a numeric string. */
    InputSchema integer(String name, String description) {
        return property(name, Map.of("type", List.of("integer", "string"), "description", description));
    }

    /** A comma-separated string or an array of strings. */
    InputSchema list(String name, String description) {
        return property(
                name,
                Map.of(
                        "type",
                        List.of("string", "array"),
                        "items",
                        Map.of("type", "string"),
                        "description",
                        description));
    }

    InputSchema require(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    Set<String> names() {
        return properties.keySet();
    }

    Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Collections.unmodifiableMap(new LinkedHashMap<>(properties)));
        schema.put("required", List.copyOf(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    private InputSchema property(String name, Map<String, Object> definition) {
        properties.put(name, definition);
        return this;
    }
}
