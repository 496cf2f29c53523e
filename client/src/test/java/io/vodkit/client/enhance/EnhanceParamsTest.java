package io.vodkit.client.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.api.MediaInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnhanceParamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EnhanceParams.Parsed parse(String json) throws Exception {
        return EnhanceParams.parse(JSON.readTree(json));
    }

    /** The names SKILL.md tells agents never to show a person, and the other codes of the parameters. */
    private static final List<String> CODES = List.of(
            "config",
            "repair_style",
            "bit_depth",
            "'res'",
            "common",
            "ugc",
            "short_series",
            "aigc",
            "old_film",
            "--tier",
            "--config",
            "DirectUrl",
            "conifg",
            "8k",
            "9k");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"video\":\"v0a\",\"repair_style\":1}                                      | config       | the kind of video is missing: general video, short video / user-generated content",
                "{\"video\":\"v0a\",\"config\":\"film\",\"repair_style\":1}                     | config       | the kind of video is not one vodkit knows: general video",
                "{\"video\":\"v0a\",\"config\":\"common\"}                                      | repair_style | the restoration tier is missing: Standard or Pro",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":3}                   | repair_style | the restoration tier must be Standard or Pro",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":true}                | repair_style | the restoration tier must be Standard or Pro",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"res\":\"8k\"}     | res          | the output resolution must be the same as the source or one of 240p, 360p",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":9}    | bit_depth    | the color depth must be 8-bit, 10-bit, 12-bit or 16-bit",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":true} | bit_depth    | the color depth must be 8-bit, 10-bit, 12-bit or 16-bit",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"bit_depth\":10}   | bit_depth    | a color depth can be chosen only with the Pro tier",
                "{\"config\":\"common\",\"repair_style\":1}                                     | video        | which video to restore is missing",
                "{\"video\":\"v0a\",\"type\":\"Url\",\"config\":\"common\",\"repair_style\":1}    | type         | the video must be named by its Vid or by its file name",
                "{\"video\":\"directurl://a.mp4\",\"type\":\"Vid\",\"config\":\"common\",\"repair_style\":1} | type | the video is named as a file name (directurl://…) but said to be a Vid",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"conifg\":1}       | conifg       | the restoration settings hold a field vodkit does not know",
                "[1, 2]                                                                      | PARAMS       | the restoration settings must be one JSON object",
            })
    void eachViolationNamesItsParameterAsACodeAndSpeaksTheUsersWords(String json, String parameter, String expected)
            throws Exception {
        EnhanceParams.Parsed parsed = parse(json);

        assertThat(parsed).isInstanceOf(EnhanceParams.Invalid.class);
        EnhanceParams.Invalid invalid = (EnhanceParams.Invalid) parsed;
        assertThat(invalid.violations()).hasSize(1);
        assertThat(invalid.parameters()).containsExactly(parameter);
        assertThat(invalid.message()).startsWith(expected);
        assertThat(CODES).allSatisfy(code -> assertThat(invalid.message()).doesNotContain(code));
    }

    @Test
    void everyViolationIsCollected() throws Exception {
        EnhanceParams.Parsed parsed = parse("{\"repair_style\":5,\"res\":\"9k\"}");

        assertThat(((EnhanceParams.Invalid) parsed).violations()).hasSize(4);
        assertThat(((EnhanceParams.Invalid) parsed).parameters())
                .containsExactly("video", "config", "repair_style", "res");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"video\":\"vid://v0abc\",\"config\":\"common\",\"repair_style\":1}                    | Vid       | v0abc   | | ",
                "{\"video\":\"directurl://in/a.mp4\",\"config\":\"ugc\",\"repair_style\":\"2\",\"res\":\"1080P\"} | DirectUrl | in/a.mp4 | 1080p | ",
                "{\"type\":\"directurl\",\"video\":\"a.mp4\",\"config\":\"aigc\",\"repair_style\":2,\"res\":\"original\",\"bit_depth\":\"16\"} | DirectUrl | a.mp4 | | 16",
                "{\"video\":\"v0abc\",\"config\":\"old_film\",\"repair_style\":1,\"res\":\"\",\"bit_depth\":null} | Vid | v0abc | | ",
            })
    void validParametersAreNormalised(String json, String type, String video, String res, Integer bitDepth)
            throws Exception {
        EnhanceParams params = ((EnhanceParams.Valid) parse(json)).params();

        assertThat(params.type()).isEqualTo(type);
        assertThat(params.video()).isEqualTo(video);
        assertThat(params.res()).isEqualTo(res);
        assertThat(params.bitDepth()).isEqualTo(bitDepth);
        assertThat(params.source()).isEqualTo((type.equals("Vid") ? "vid://" : "directurl://") + video);
    }

    @Test
    void inputAndMoeEnhanceFollowTheSkillPayload() throws Exception {
        EnhanceParams params = ((EnhanceParams.Valid) parse(
                        "{\"type\":\"DirectUrl\",\"video\":\"a.mp4\",\"config\":\"common\",\"repair_style\":2,\"res\":\"4k\","
                                + "\"bit_depth\":12}"))
                .params();

        assertThat(params.input("space")).isEqualTo(MediaInput.directUrl("a.mp4", "space"));
        assertThat(params.source()).isEqualTo("directurl://a.mp4");
        assertThat(params.moeEnhance().res()).isEqualTo("4k");
        assertThat(params.moeEnhance().bitDepth()).isEqualTo(12);
        assertThat(params.pro()).isTrue();
    }

    @Test
    void sixteenBitsAreLimitedToFortySecondSourcesWhenTheDurationIsKnown() throws Exception {
        EnhanceParams params = ((EnhanceParams.Valid)
                        parse("{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":16}"))
                .params();

        assertThat(params.durationViolation(40)).isEmpty();
        assertThat(params.durationViolation(0)).isEmpty();
        assertThat(params.durationViolation(41.5))
                .hasValueSatisfying(
                        v -> assertThat(v)
                                .isEqualTo(
                                        "16-bit color depth is available only for videos of at most 40 seconds; this one is 41.5 seconds"));
    }
}
