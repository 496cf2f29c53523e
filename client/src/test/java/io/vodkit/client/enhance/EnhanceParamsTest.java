package io.vodkit.client.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.api.MediaInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnhanceParamsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static EnhanceParams.Parsed parse(String json) throws Exception {
    return EnhanceParams.parse(JSON.readTree(json));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"video\":\"v0a\",\"repair_style\":1}                                      | 'config' is required (recommended default: common)",
      "{\"video\":\"v0a\",\"config\":\"film\",\"repair_style\":1}                     | 'config' must be one of common, ugc, short_series, aigc, old_film",
      "{\"video\":\"v0a\",\"config\":\"common\"}                                      | 'repair_style' is required: 1 (standard) or 2 (pro); on the command line --tier standard|pro",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":3}                   | 'repair_style' must be 1 (standard) or 2 (pro); got 3",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":true}                | 'repair_style' must be 1 (standard) or 2 (pro); got true",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"res\":\"8k\"}     | 'res' must be one of 240p, 360p",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":9}    | 'bit_depth' must be one of 8, 10, 12, or 16",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":true} | 'bit_depth' must be one of 8, 10, 12, or 16",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"bit_depth\":10}   | 'bit_depth' is supported only with the Pro tier",
      "{\"config\":\"common\",\"repair_style\":1}                                     | 'video' is required",
      "{\"video\":\"v0a\",\"type\":\"Url\",\"config\":\"common\",\"repair_style\":1}    | 'type' must be Vid or DirectUrl",
      "{\"video\":\"directurl://a.mp4\",\"type\":\"Vid\",\"config\":\"common\",\"repair_style\":1} | 'video' has a directurl:// prefix but 'type' is Vid",
      "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"conifg\":1}       | unknown parameter 'conifg'",
      "[1, 2]                                                                      | the parameters must be a JSON object",
  })
  void eachViolationIsReportedClearly(String json, String expected) throws Exception {
    EnhanceParams.Parsed parsed = parse(json);

    assertThat(parsed).isInstanceOf(EnhanceParams.Invalid.class);
    assertThat(((EnhanceParams.Invalid) parsed).violations()).hasSize(1).first().asString().startsWith(expected);
  }

  @Test
  void everyViolationIsCollected() throws Exception {
    EnhanceParams.Parsed parsed = parse("{\"repair_style\":5,\"res\":\"9k\"}");

    assertThat(((EnhanceParams.Invalid) parsed).violations()).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
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
            + "\"bit_depth\":12}")).params();

    assertThat(params.input("space")).isEqualTo(MediaInput.directUrl("a.mp4", "space"));
    assertThat(params.source()).isEqualTo("directurl://a.mp4");
    assertThat(params.moeEnhance().res()).isEqualTo("4k");
    assertThat(params.moeEnhance().bitDepth()).isEqualTo(12);
    assertThat(params.pro()).isTrue();
  }

  @Test
  void sixteenBitsAreLimitedToFortySecondSourcesWhenTheDurationIsKnown() throws Exception {
    EnhanceParams params = ((EnhanceParams.Valid) parse(
        "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":16}")).params();

    assertThat(params.durationViolation(40)).isEmpty();
    assertThat(params.durationViolation(0)).isEmpty();
    assertThat(params.durationViolation(41.5)).hasValueSatisfying(v -> assertThat(v)
        .isEqualTo("'bit_depth' 16 is supported only for sources of at most 40 s; this source is 41.5 s"));
  }
}
