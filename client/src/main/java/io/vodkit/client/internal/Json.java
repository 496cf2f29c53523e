package io.vodkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lenient readers for service JSON: absent or {@code null} fields read as empty, numbers may arrive as strings. */
public final class Json {

    /**
     * The client's one mapper, configured once and shared (thread-safe). Reading replies with Jackson's streaming
     * parser into hand-built trees, writing {@code Functions} with its generator and building the mapper lazily saved
     * nothing measurable on the CLI path, which builds a mapper for its output anyway (a 100 KB {@code vodkit upload}
     * to a running emulator, median of 30: 1.43 s of CPU either way; bench/README.md), so they are gone.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The JSON value in {@code body}; {@link MissingNode} when there is none (empty or blank body).
     *
     * @throws IOException when the body is not JSON
     */
    public static JsonNode tree(byte[] body) throws IOException {
        JsonNode tree = MAPPER.readTree(body);
        return tree == null ? MissingNode.getInstance() : tree;
    }

    /** The field as text; {@code ""} when absent or {@code null}. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    public static long longValue(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : (long) value.asDouble(0);
    }

    public static int intValue(JsonNode node, String field) {
        return (int) longValue(node, field);
    }

    public static double doubleValue(JsonNode node, String field) {
        return node.path(field).asDouble(0);
    }

    /** The field as a boolean; accepts JSON booleans and the strings {@code true}/{@code True}/{@code 1}. */
    public static boolean booleanValue(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText("");
        return text.equalsIgnoreCase("true") || text.equals("1");
    }

    /** Maps each element of the array field; an absent or non-array field gives an empty list. */
    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
        JsonNode array = node.path(field);
        List<T> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(element -> out.add(mapper.apply(element)));
        }
        return List.copyOf(out);
    }
}
