package io.vodkit.client.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vodkit.client.internal.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of CommitUploadInfo's {@code Functions} JSON array (spec §7.2): {@code {"Name":…,"Input":{…}}}.
 *
 * @param name  function name, e.g. {@code GetMeta}
 * @param input function input (string, number or boolean values), or {@code null} for none (then {@code Input} is
 *              left out)
 */
public record UploadFunction(String name, Map<String, Object> input) {

    public UploadFunction {
        Objects.requireNonNull(name, "name == null");
        input = input == null ? null : Map.copyOf(input);
        if (input != null) {
            input.forEach((key, value) -> {
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new IllegalArgumentException("UploadFunction " + name + " input " + key
                            + ": values are strings, numbers or booleans, got "
                            + value.getClass().getName());
                }
            });
        }
    }

    /** {@code [{"Name":"GetMeta"},{"Name":"Snapshot","Input":{"SnapshotTime":0}}]}: media meta and a cover. */
    public static List<UploadFunction> defaults() {
        return List.of(getMeta(), snapshot(0));
    }

    /** {@code GetMeta}: fills {@code SourceInfo}. */
    public static UploadFunction getMeta() {
        return new UploadFunction("GetMeta", null);
    }

    /** {@code Snapshot} at {@code seconds} into the media: gives {@code PosterUri}. */
    public static UploadFunction snapshot(double seconds) {
        Number time = seconds == Math.rint(seconds) ? (Number) (long) seconds : (Number) seconds;
        return new UploadFunction("Snapshot", Map.of("SnapshotTime", time));
    }

    /** {@code functions} as the JSON array text of CommitUploadInfo's {@code Functions} parameter. */
    public static String jsonArray(List<UploadFunction> functions) {
        try {
            return Json.mapper()
                    .writeValueAsString(
                            functions.stream().map(UploadFunction::asMap).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write UploadFunctions as JSON", e);
        }
    }

    private Map<String, Object> asMap() {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("Name", name);
        if (input != null) {
            function.put("Input", input);
        }
        return function;
    }
}
