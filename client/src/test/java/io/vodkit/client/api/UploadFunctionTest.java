package io.vodkit.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadFunctionTest {

  @Test
  void writesNameAndTypedInputValues() {
    assertThat(UploadFunction.getMeta().toJson()).hasToString("{\"Name\":\"GetMeta\"}");
    assertThat(UploadFunction.snapshot(2).toJson()).hasToString("{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":2}}");
    assertThat(new UploadFunction("X", Map.of("On", true)).toJson()).hasToString("{\"Name\":\"X\",\"Input\":{\"On\":true}}");
    assertThat(new UploadFunction("X", Map.of("Rate", 0.25f)).toJson())
        .hasToString("{\"Name\":\"X\",\"Input\":{\"Rate\":0.25}}");
  }

  @Test
  void inputValuesOtherThanStringsNumbersAndBooleansAreRefused() {
    assertThatThrownBy(() -> new UploadFunction("X", Map.of("Tags", List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UploadFunction X input Tags")
        .hasMessageContaining("strings, numbers or booleans");
  }
}
