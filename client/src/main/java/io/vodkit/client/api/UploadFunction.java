package io.vodkit.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
              + ": values are strings, numbers or booleans, got " + value.getClass().getName());
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

  /** {@code AddOptionInfo} with a {@code Title}. */
  public static UploadFunction addOptionInfo(String title) {
    return new UploadFunction("AddOptionInfo", Map.of("Title", Objects.requireNonNull(title, "title == null")));
  }

  /** {@code functions} as the JSON array text of CommitUploadInfo's {@code Functions} parameter. */
  public static String jsonArray(List<UploadFunction> functions) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    functions.forEach(function -> array.add(function.toJson()));
    return array.toString();
  }

  /**
   * This function as a JSON object, built as a tree: Jackson's tree model needs none of the reflection that binding
   * a record takes on first use (a tenth of a second or more, right between the upload and its commit).
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("Name", name);
    if (input != null) {
      ObjectNode fields = node.putObject("Input");
      input.forEach((key, value) -> fields.set(key, valueNode(value)));
    }
    return node;
  }

  private static JsonNode valueNode(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return nodes.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return nodes.numberNode(number.doubleValue());
    }
    if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    }
    return nodes.textNode((String) value);
  }
}
