package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#tree}: replies as Jackson trees, an empty body as missing, anything else not JSON as an error. */
class JsonReadTreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":{\"b\":[1,true,null]}}", "  {\"a\" : { \"b\" : [1, true, null] } }  trailing"})
    void readsAReplyIgnoringWhatFollowsIt(String json) throws IOException {
        JsonNode tree = Json.tree(json.getBytes(StandardCharsets.UTF_8));

        assertThat(tree.path("a").path("b").size()).isEqualTo(3);
        assertThat(tree.path("a").path("b").get(0).asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void noValueIsMissing(String json) throws IOException {
        assertThat(Json.tree(json.getBytes(StandardCharsets.UTF_8)).isMissingNode())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad Gateway</html>", "{\"a\":", "[1,2", "{\"a\" 1}", "{'a':1}"})
    void notJsonFails(String json) {
        assertThatThrownBy(() -> Json.tree(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
