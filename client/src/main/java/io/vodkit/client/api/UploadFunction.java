package io.vodkit.client.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of CommitUploadInfo's {@code Functions} JSON array (spec §7.2): {@code {"Name":…,"Input":{…}}}.
 *
 * @param name  function name, e.g. {@code GetMeta}
 * @param input function input, or {@code null} for none (then {@code Input} is left out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadFunction(@JsonProperty("Name") String name, @JsonProperty("Input") Map<String, Object> input) {

  public UploadFunction {
    Objects.requireNonNull(name, "name == null");
    input = input == null ? null : Map.copyOf(input);
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
}
