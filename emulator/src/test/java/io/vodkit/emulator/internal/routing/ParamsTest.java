package io.vodkit.emulator.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ApiException;
import io.vodkit.emulator.internal.api.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamsTest {

    private static Params query(String raw) {
        return Params.parse(QueryString.parse(raw), null, new byte[0]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "FileSize=        | null",
                "FileSize=0       | null",
                "FileSize=0.0     | null",
                "FileSize=1048576 | 1048576.0",
                "FileSize=1048576.0 | 1048576.0",
                "Other=1          | null",
            })
    void numbersTreatZeroDefaultsAsNotSet(String raw, Double expected) {
        assertThat(query(raw).number("FileSize")).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"True,true", "true,true", "1,true", "False,false", "false,false", "0,false", "'',false"})
    void flagsAcceptPythonAndGoSpellings(String value, boolean expected) {
        assertThat(query("NeedFallback=" + value).flag("NeedFallback")).isEqualTo(expected);
    }

    @Test
    void textTreatsEmptyAsNotSetAndDecodesPlusAsSpace() {
        Params params = query("FileName=&Title=a+b%20c");

        assertThat(params.text("FileName")).isEmpty();
        assertThat(params.text("Title")).hasValue("a b c");
        assertThatThrownBy(() -> params.requireText("FileName")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isEqualTo(ApiError.MISSING_PARAMETER);
            assertThat(e.getMessage()).isEqualTo("The request is missing FileName parameter.");
        });
    }

    @Test
    void nonNumericValuesNameParameterAndValue() {
        assertThatThrownBy(() -> query("FileSize=big").number("FileSize"))
                .hasMessage("The parameter FileSize has an invalid value big: not a number.");
        assertThatThrownBy(() -> query("StorageClass=1.5").integer("StorageClass"))
                .hasMessageContaining("StorageClass");
    }

    @Test
    void jsonBodyValuesWinOverQueryAndKeepTheirTypes() {
        byte[] body = "{\"SpaceName\":\"body\",\"FileSize\":12,\"Functions\":[{\"Name\":\"GetMeta\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        Params params = Params.parse(QueryString.parse("SpaceName=query&Extra=1"), "application/json", body);

        assertThat(params.text("SpaceName")).hasValue("body");
        assertThat(params.text("Extra")).hasValue("1");
        assertThat(params.integer("FileSize")).hasValue(12L);
        assertThat(params.raw("Functions").isArray()).isTrue();
        assertThat(params.text("Functions")).isEmpty();
    }

    @Test
    void formBodyIsDecodedWithoutContentTypeToo() {
        byte[] body =
                "SpaceName=myspace&URLSets=%5B%7B%22SourceUrl%22%3A%22x%22%7D%5D".getBytes(StandardCharsets.UTF_8);

        Params params = Params.parse(QueryString.parse("Action=X"), null, body);

        assertThat(params.text("SpaceName")).hasValue("myspace");
        assertThat(params.text("URLSets")).hasValue("[{\"SourceUrl\":\"x\"}]");
    }

    @Test
    void jsonBodyMustBeAnObject() {
        assertThatThrownBy(() ->
                        Params.parse(QueryString.parse(""), "application/json", "[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() ->
                        Params.parse(QueryString.parse(""), "application/json", "{".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not valid JSON");
    }
}
