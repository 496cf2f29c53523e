package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":{\"Data\":[{\"a\":1},{\"b\":[true,false,null]}]}}",
      "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-5}",
      "{\"float\":12.5,\"exp\":1e-7,\"zero\":0.0,\"text\":\"caf\\u00e9 \\\"q\\\" \\\\ /\"}",
      "{\"dup\":1,\"dup\":2}",
      "[]", "{}", "\"just text\"", "42", "null",
      "  {\"a\" : { \"b\" : [ ] } }  trailing"})
  void readsLikeObjectMapperReadTree(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);

    assertThat(JsonTree.parse(body)).isEqualTo(MAPPER.readTree(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void noValueIsMissing(String json) throws IOException {
    assertThat(JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>Bad Gateway</html>", "{\"a\":", "[1,2", "{\"a\" 1}", "{'a':1}"})
  void notJsonFails(String json) {
    assertThatThrownBy(() -> JsonTree.parse(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
  }
}
