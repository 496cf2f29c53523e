package io.vodkit.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.media.UploadMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadFunctionTest {

    @Test
    void writesNamesAndTypedInputValues() {
        assertThat(UploadFunction.jsonArray(List.of(
                        UploadFunction.getMeta(),
                        UploadFunction.snapshot(2),
                        new UploadFunction("X", Map.of("On", true)),
                        new UploadFunction("Y", Map.of("Rate", 0.25f)),
                        UploadMetadata.title("a \"b\" \\ c").functions().get(0))))
                .isEqualTo("[{\"Name\":\"GetMeta\"},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":2}},"
                        + "{\"Name\":\"X\",\"Input\":{\"On\":true}},{\"Name\":\"Y\",\"Input\":{\"Rate\":0.25}},"
                        + "{\"Name\":\"AddOptionInfo\",\"Input\":{\"Title\":\"a \\\"b\\\" \\\\ c\"}}]");
        assertThat(UploadFunction.jsonArray(List.of())).isEqualTo("[]");
    }

    @Test
    void inputValuesOtherThanStringsNumbersAndBooleansAreRefused() {
        assertThatThrownBy(() -> new UploadFunction("X", Map.of("Tags", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UploadFunction X input Tags")
                .hasMessageContaining("strings, numbers or booleans");
    }
}
