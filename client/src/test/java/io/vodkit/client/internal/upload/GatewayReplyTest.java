package io.vodkit.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayReplyTest {

    @Test
    void successReturnsPayload() {
        JsonNode payload = parse(
                200,
                "{\"Version\":\"\",\"success\":0,\"error\":{\"code\":200,\"error\":\"\","
                        + "\"error_code\":0,\"message\":\"\"},\"payload\":{\"hash\":\"7af98374\",\"key\":\"5f7f\"}}");

        assertThat(payload.path("hash").asText()).isEqualTo("7af98374");
    }

    @ParameterizedTest(name = "HTTP {0} success {1} code {2} -> retryable {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|-1|400|4002|false|crc32 mismatch: expected 00000000 actual 0d4a1185",
                "401|-1|401|4001|false|invalid auth token",
                "200|1|400|4002|false|bad part",
                "200|1|500|0|true|internal error",
                "503|-1|503|5003|true|busy",
                "507|-1|507|5070|false|no space left on the emulator's disk",
            })
    void failureBecomesStorageException(
            int status, int success, int code, int errorCode, boolean retryable, String message) {
        String body = "{\"success\":" + success + ",\"error\":{\"code\":" + code + ",\"error\":\"\",\"error_code\":"
                + errorCode + ",\"message\":\"" + message + "\"},\"payload\":{}}";

        assertThatThrownBy(() -> parse(status, body)).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.errorCode()).isEqualTo(errorCode != 0 ? errorCode : code);
            assertThat(e.step()).isEqualTo(GatewayStep.UPLOAD_PART);
            assertThat(e.partNumber()).isEqualTo(3);
            assertThat(e.getMessage())
                    .startsWith("Storage upload part (part 3) on up.example.com failed: HTTP " + status)
                    .contains(message, "[logid L1]");
        });
    }

    @ParameterizedTest(name = "HTTP {0} non-JSON -> retryable {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "502|<html><body>Bad Gateway</body></html>|true",
                "200|OK|false",
                "404|''|false",
            })
    void nonJsonReplyIsReportedWithItsStart(int status, String body, boolean retryable) {
        assertThatThrownBy(() -> parse(status, body)).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.getMessage()).contains("not gateway JSON", body.isEmpty() ? "(empty body)" : body);
        });
    }

    private JsonNode parse(int status, String body) {
        return GatewayReply.payload(
                GatewayStep.UPLOAD_PART, 3, "up.example.com", status, "L1", body.getBytes(StandardCharsets.UTF_8));
    }
}
