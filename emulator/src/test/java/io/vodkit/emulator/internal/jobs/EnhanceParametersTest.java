package io.vodkit.emulator.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.emulator.restore.RestoreSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnhanceParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EnhanceParameters moe(String json) throws Exception {
        return new EnhanceParameters(JSON.readTree(json));
    }

    @Test
    void standardWithoutTargetKeepsTheSourceSizeAtEightBits() throws Exception {
        RestoreSpec spec = moe("{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":1,\"RepairStrength\":0}}")
                .spec();

        assertThat(spec).isEqualTo(new RestoreSpec("common", 1, null, null, 8));
    }

    @Test
    void proTargetResolutionAndBitDepthAreRead() throws Exception {
        RestoreSpec spec = moe("{\"Config\":\"old_film\",\"VideoStrategy\":{\"RepairStyle\":\"2\"},"
                        + "\"Target\":{\"Res\":\"2K\",\"BitDepth\":12,\"Fps\":29.97}}")
                .spec();

        assertThat(spec).isEqualTo(new RestoreSpec("old_film", 2, 1440, 30, 12));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Config\":\"cinema\",\"VideoStrategy\":{\"RepairStyle\":1}}                       | Config must be one of",
                "{\"Config\":\"common\"}                                                            | RepairStyle must be 1",
                "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":3}}                       | RepairStyle must be 1",
                "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":1.5}}                     | must be a whole number",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":1},\"Target\":{\"Res\":\"8k\"}} | Target.Res must be one of",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":1},\"Target\":{\"Res\":\"720p\",\"ResLimit\":720}} | must not both be set",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":1},\"Target\":{\"ResLimit\":32}} | ResLimit must be in",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":1},\"Target\":{\"Fps\":240}}    | Fps must be in",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":2},\"Target\":{\"BitDepth\":9}} | BitDepth must be 8, 10, 12 or 16",
                "{\"Config\":\"ugc\",\"VideoStrategy\":{\"RepairStyle\":1},\"Target\":{\"BitDepth\":10}} | only with RepairStyle 2",
            })
    void invalidValuesAreNamed(String json, String message) throws Exception {
        EnhanceParameters parameters = moe(json);

        assertThatThrownBy(parameters::spec)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void repairStyleIsReadForThePermissionCheckEvenWhenOtherValuesAreInvalid() throws Exception {
        JsonNode node = JSON.readTree("{\"Config\":\"nope\",\"VideoStrategy\":{\"RepairStyle\":\"2\"}}");

        assertThat(new EnhanceParameters(node).repairStyleOrZero()).isEqualTo(2);
        assertThat(moe("{}").repairStyleOrZero()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "abc.mp4, common, hb:0123, .mp4, enhance/abc_common_0123.mp4",
        "dir/sub/clip.v2.mov, old_film, hb:ff, .mkv, enhance/clip.v2_old_film_ff.mkv",
        "noext, ugc, hb:1, .mp4, enhance/noext_ugc_1.mp4",
    })
    void outputFileNamesFollowTheConvention(String source, String config, String runId, String ext, String expected) {
        assertThat(EnhanceTask.outputFileName(source, config, runId, ext)).isEqualTo(expected);
    }
}
