package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.VodServiceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseEnvelopeTest {

    @Test
    void successReturnsResult() {
        JsonNode result = parse(
                200,
                "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Action\":\"ListDomain\"}," + "\"Result\":{\"Total\":3}}");

        assertThat(result.path("Total").asInt()).isEqualTo(3);
    }

    @Test
    void successWithoutResultIsMissingNode() {
        JsonNode result = parse(200, "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Error\":{\"Code\":\"0\"}}}");

        assertThat(result.isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401|SignatureDoesNotMatch|100010|The request signature we calculated does not match",
                "404|InvalidActionOrVersion|100008|Could not find operation X for version 2018-01-01",
                "200|InvalidParameter||FileExtension is invalid",
                "500|InternalError||",
            })
    void errorBecomesTypedExceptionAtAnyStatus(int status, String code, Integer codeN, String message) {
        String codeNField = codeN == null ? "" : "\"CodeN\":" + codeN + ",";
        String body = "{\"ResponseMetadata\":{\"RequestId\":\"2026REQ\",\"Action\":\"ApplyUploadInfo\",\"Error\":{"
                + codeNField + "\"Code\":\"" + code + "\",\"Message\":\"" + (message == null ? "" : message) + "\"}}}";

        assertThatThrownBy(() -> parse("ApplyUploadInfo", status, body))
                .isInstanceOfSatisfying(VodServiceException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.codeN()).isEqualTo(codeN);
                    assertThat(e.serviceMessage()).isEqualTo(message == null ? "" : message);
                    assertThat(e.requestId()).isEqualTo("2026REQ");
                    assertThat(e.action()).isEqualTo("ApplyUploadInfo");
                    assertThat(e.getMessage()).contains("ApplyUploadInfo", "HTTP " + status, code, "2026REQ");
                });
    }

    @Test
    void htmlPageSaysItIsNotJsonAndQuotesTheStart() {
        String html =
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(500) + "</body></html>";

        assertThatThrownBy(() -> parse(502, html))
                .isExactlyInstanceOf(VodHttpException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html> <head><title>502 Bad Gateway</title></head>")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void emptyBodyIsReported() {
        assertThatThrownBy(() -> parse(503, ""))
                .isExactlyInstanceOf(VodHttpException.class)
                .hasMessage("ListDomain failed: HTTP 503 with an empty body");
    }

    @Test
    void errorStatusWithoutErrorDetailsIsReported() {
        assertThatThrownBy(() -> parse(500, "{\"ResponseMetadata\":{\"RequestId\":\"R9\"}}"))
                .isExactlyInstanceOf(VodHttpException.class)
                .hasMessageContaining("HTTP 500 without error details")
                .hasMessageContaining("R9");
    }

    @Test
    void jsonWithoutEnvelopeIsReported() {
        assertThatThrownBy(() -> parse(200, "[1,2]")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse(200, "{\"hello\":1}")).hasMessageContaining("no ResponseMetadata");
    }

    private JsonNode parse(int status, String body) {
        return parse("ListDomain", status, body);
    }

    private JsonNode parse(String action, int status, String body) {
        return ResponseEnvelope.result(action, status, body.getBytes(StandardCharsets.UTF_8), null);
    }
}
