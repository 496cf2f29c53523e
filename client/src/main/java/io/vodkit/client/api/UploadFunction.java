package io.vodkit.client.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

  private static final JsonFactory JSON = new JsonFactory();

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

  /**
   * {@code functions} as the JSON array text of CommitUploadInfo's {@code Functions} parameter, written with Jackson's
   * streaming generator: binding records, or even printing a tree node, would build an {@code ObjectMapper} (some
   * 400 classes, a tenth of a second or more) right between the last part and the commit.
   */
  public static String jsonArray(List<UploadFunction> functions) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartArray();
      for (UploadFunction function : functions) {
        function.write(json);
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter failed", e);
    }
    return text.toString();
  }

  private void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    if (input != null) {
      json.writeObjectFieldStart("Input");
      for (Map.Entry<String, Object> field : input.entrySet()) {
        json.writeFieldName(field.getKey());
        writeValue(json, field.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.doubleValue());
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else {
      json.writeString((String) value);
    }
  }
}
