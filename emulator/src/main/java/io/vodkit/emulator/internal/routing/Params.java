package io.vodkit.emulator.internal.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAPI parameters merged from the query string and the body (form or JSON object; body values win), read
 * leniently as the official clients send them: {@code ""}, {@code "0"}, {@code 0}, {@code 0.0} mean "not set" for
 * numbers, {@code ""} means "not set" for strings, booleans may be {@code True/true/1}, numbers may be strings.
 * Unknown parameters are ignored.
 */
public final class Params {
    private static final Set<String> TRUE = Set.of("true", "1");

    private final Map<String, JsonNode> values;

    Params(Map<String, JsonNode> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Merges the query with the body.
     *
     * @throws io.vodkit.emulator.internal.api.ApiException INVALID_PARAMETER for a body that is neither a form nor a JSON object
     */
    static Params parse(QueryString query, String contentType, byte[] body) {
        Map<String, JsonNode> values = new HashMap<>();
        query.params().forEach(p -> values.putIfAbsent(p.name(), TextNode.valueOf(p.value())));
        if (body.length == 0) {
            return new Params(values);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (isJson(contentType, text)) {
            JsonNode root;
            try {
                root = Json.parse(body);
            } catch (JsonProcessingException e) {
                throw ApiError.INVALID_PARAMETER.exception("body", abbreviate(text), "not valid JSON");
            }
            if (root == null || !root.isObject()) {
                throw ApiError.INVALID_PARAMETER.exception("body", abbreviate(text), "not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), field.getValue());
            }
        } else {
            try {
                QueryString.parse(text).params().forEach(p -> values.put(p.name(), TextNode.valueOf(p.value())));
            } catch (IllegalArgumentException e) {
                throw ApiError.INVALID_PARAMETER.exception("body", abbreviate(text), "malformed form encoding");
            }
        }
        return new Params(values);
    }

    /** A string parameter; empty when absent, null or {@code ""}. Numbers and booleans come back as their text. */
    public Optional<String> text(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A parameter that was sent, {@code ""} included (UpdateMediaInfo's wrappers: present and empty clears the
     * field); empty only when absent or null.
     */
    public Optional<String> given(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /**
     * A comma list ({@code Vids}, {@code Tags}, {@code Status}, …) or a JSON array of strings: items trimmed, empty
     * ones and repeats dropped, in the order given; empty when absent.
     */
    public List<String> list(String name) {
        JsonNode value = values.get(name);
        Set<String> items = new LinkedHashSet<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> items.add(item.asText().strip()));
        } else {
            text(name)
                    .ifPresent(text ->
                            Arrays.stream(text.split(",")).map(String::strip).forEach(items::add));
        }
        items.remove("");
        return List.copyOf(items);
    }

    public String requireText(String name) {
        return text(name).orElseThrow(() -> ApiError.MISSING_PARAMETER.exception(name));
    }

    /** A whole number; empty when absent or a zero/empty default; INVALID_PARAMETER when not a whole number. */
    public Optional<Long> integer(String name) {
        return number(name).map(n -> {
            if (n != Math.rint(n) || Math.abs(n) > Long.MAX_VALUE) {
                throw ApiError.INVALID_PARAMETER.exception(name, text(name).orElse(""), "not a whole number");
            }
            return n.longValue();
        });
    }

    /** A number; empty when absent or a zero/empty default; INVALID_PARAMETER when not numeric. */
    public Optional<Double> number(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double n;
        try {
            n = Double.parseDouble(text.get().trim());
        } catch (NumberFormatException e) {
            throw ApiError.INVALID_PARAMETER.exception(name, text.get(), "not a number");
        }
        if (!Double.isFinite(n)) {
            throw ApiError.INVALID_PARAMETER.exception(name, text.get(), "not a finite number");
        }
        return n == 0 ? Optional.empty() : Optional.of(n);
    }

    /** A boolean: {@code True}, {@code true} and {@code 1} are true; anything else (or absent) is false. */
    public boolean flag(String name) {
        return text(name)
                .map(t -> TRUE.contains(t.trim().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /** The raw value (for nested JSON parameters), or null. */
    public JsonNode raw(String name) {
        return values.get(name);
    }

    private static boolean isJson(String contentType, String body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                return true;
            }
            if (type.contains("x-www-form-urlencoded")) {
                return false;
            }
        }
        return body.stripLeading().startsWith("{");
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
