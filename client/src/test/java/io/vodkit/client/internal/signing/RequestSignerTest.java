package io.vodkit.client.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.Credentials;
import io.vodkit.client.internal.Digests;
import io.vodkit.client.internal.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestSignerTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Credentials EXAMPLE_KEYS =
            new Credentials("AKLTEXAMPLEACCESSKEYID", "EXAMPLESECRETACCESSKEY==");
    private static final String START_EXECUTION_BODY = "{\"Input\":{\"Type\":\"Vid\",\"Vid\":\"v0example\"},"
            + "\"Operation\":{\"Type\":\"Task\",\"Task\":{\"Type\":\"Enhance\",\"Enhance\":{\"Type\":\"Moe\","
            + "\"MoeEnhance\":{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":1,\"RepairStrength\":0}}}}}}";

    /** One signing case: inputs plus the exact Authorization header the official clients produce. */
    record Vector(
            String name,
            Credentials credentials,
            String region,
            SigningRequest request,
            String xDate,
            String expectedContentSha256,
            String expectedAuthorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> vectors() throws IOException {
        List<Vector> all = new ArrayList<>(captureVectors());
        all.add(exampleA());
        all.add(exampleB());
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesTheExactAuthorizationHeader(Vector vector) {
        RequestSigner signer = new RequestSigner(vector.credentials(), vector.region(), "vod", clockAt(vector.xDate()));

        SignatureHeaders headers = signer.sign(vector.request());

        assertThat(headers.xDate()).isEqualTo(vector.xDate());
        assertThat(headers.contentSha256()).isEqualTo(vector.expectedContentSha256());
        assertThat(headers.authorization()).isEqualTo(vector.expectedAuthorization());
    }

    @Test
    void workedExampleAIntermediateValuesMatchTheSpec() {
        CanonicalRequest canonical = new CanonicalRequest(
                "GET",
                CanonicalRequest.canonicalQuery(exampleA().request().query()),
                new TreeMap<>(Map.of(
                        "host", "vod.byteplusapi.com", "x-content-sha256", EMPTY_SHA256, "x-date", "20260101T000000Z")),
                EMPTY_SHA256);

        assertThat(canonical.text())
                .isEqualTo(String.join(
                        "\n",
                        "GET",
                        "/",
                        "Action=ApplyUploadInfo&FileExtension=.mp4&FileSize=1048576&SpaceName=my_space&Version=2023-01-01",
                        "host:vod.byteplusapi.com",
                        "x-content-sha256:" + EMPTY_SHA256,
                        "x-date:20260101T000000Z",
                        "",
                        "host;x-content-sha256;x-date",
                        EMPTY_SHA256));
        String stringToSign =
                RequestSigner.stringToSign("20260101T000000Z", "20260101/ap-singapore-1/vod/request", canonical);
        assertThat(stringToSign).endsWith("\need72061c23f888b86633619a17d862b58f6d841cf5110764f9e0310181b8662");
        RequestSigner signer = new RequestSigner(EXAMPLE_KEYS, "ap-singapore-1", "vod", clockAt("20260101T000000Z"));
        assertThat(Hex.encode(signer.signingKey("20260101")))
                .isEqualTo("5b8a998cbc05380ba441f2dd069224aa40b77087170741cda59c0e5dfbcd98c9");
    }

    @Test
    void workedExampleBStringToSignHashMatchesTheSpec() {
        String bodyHash = Digests.sha256Hex(START_EXECUTION_BODY.getBytes(StandardCharsets.UTF_8));
        CanonicalRequest canonical = new CanonicalRequest(
                "POST",
                CanonicalRequest.canonicalQuery(Map.of("Action", "StartExecution", "Version", "2025-07-01")),
                new TreeMap<>(Map.of(
                        "content-type",
                        "application/json",
                        "host",
                        "vod.byteplusapi.com",
                        "x-content-sha256",
                        bodyHash,
                        "x-date",
                        "20260101T000000Z")),
                bodyHash);

        assertThat(Digests.sha256Hex(canonical.text().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("52aeb5fb7a571a63144cb0a7c8e17e388b44ef6cb371dc87fa0fcc91513493e2");
    }

    @Test
    void canonicalQueryEncodesPerRfc3986AndKeepsEmptyValues() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("b", "a b+c/d,é*");
        query.put("A", "");
        query.put("a~", "x");

        assertThat(CanonicalRequest.canonicalQuery(query)).isEqualTo("A=&a~=x&b=a%20b%2Bc%2Fd%2C%C3%A9%2A");
    }

    @Test
    void hostPortIsKeptExceptDefaultPorts() {
        assertThat(request("127.0.0.1:18765").canonicalHost()).isEqualTo("127.0.0.1:18765");
        assertThat(request("vod.byteplusapi.com:443").canonicalHost()).isEqualTo("vod.byteplusapi.com");
        assertThat(request("Example.com:80").canonicalHost()).isEqualTo("example.com");
    }

    @Test
    void toStringHidesTheSignature() {
        SignatureHeaders headers = new RequestSigner(EXAMPLE_KEYS, "ap-singapore-1", "vod", clockAt("20260101T000000Z"))
                .sign(request("vod.byteplusapi.com"));

        assertThat(headers.toString()).doesNotContain("Signature=").doesNotContain(headers.authorization());
    }

    private static SigningRequest request(String host) {
        return new SigningRequest("GET", host, Map.of("Action", "ListDomain"), null, new byte[0]);
    }

    private static Vector exampleA() {
        Map<String, String> query = Map.of(
                "Action",
                "ApplyUploadInfo",
                "Version",
                "2023-01-01",
                "SpaceName",
                "my_space",
                "FileExtension",
                ".mp4",
                "FileSize",
                "1048576");
        return new Vector(
                "spec 2.2 (a) GET ApplyUploadInfo",
                EXAMPLE_KEYS,
                "ap-singapore-1",
                new SigningRequest("GET", "vod.byteplusapi.com", query, null, new byte[0]),
                "20260101T000000Z",
                EMPTY_SHA256,
                "HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20260101/ap-singapore-1/vod/request, "
                        + "SignedHeaders=host;x-content-sha256;x-date, "
                        + "Signature=ba3dab480d724a4eee9bd2ecb40dd6bad47ee36fa3e2612f7f5533115037725e");
    }

    private static Vector exampleB() {
        Map<String, String> query = Map.of("Action", "StartExecution", "Version", "2025-07-01");
        return new Vector(
                "spec 2.2 (b) POST StartExecution JSON",
                EXAMPLE_KEYS,
                "ap-singapore-1",
                new SigningRequest(
                        "POST",
                        "vod.byteplusapi.com",
                        query,
                        "application/json",
                        START_EXECUTION_BODY.getBytes(StandardCharsets.UTF_8)),
                "20260101T000000Z",
                "4e9ab1408479ae473576057b4363799f53cb5d1b3fa0685be8a993ac342dabae",
                "HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20260101/ap-singapore-1/vod/request, "
                        + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                        + "Signature=4f68f1efa3891891dfc51922107269826d0603cf50d9a3c6212f6e11eb73e91c");
    }

    private static List<Vector> captureVectors() throws IOException {
        JsonNode root;
        try (InputStream in = RequestSignerTest.class.getResourceAsStream("/signature-vectors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : root) {
            JsonNode headers = v.get("headers");
            String contentType =
                    headers.has("Content-Type") ? headers.get("Content-Type").asText() : null;
            SigningRequest request = new SigningRequest(
                    v.get("method").asText(),
                    headers.get("Host").asText(),
                    parseQuery(v.get("query").asText()),
                    contentType,
                    v.get("body").asText().getBytes(StandardCharsets.ISO_8859_1));
            vectors.add(new Vector(
                    "capture " + v.get("method").asText() + " "
                            + v.get("query").asText().replaceAll(".*Action=([A-Za-z]+).*", "$1"),
                    new Credentials(
                            v.get("access_key").asText(), v.get("secret_key").asText()),
                    v.get("region").asText(),
                    request,
                    headers.get("X-Date").asText(),
                    headers.get("X-Content-Sha256").asText(),
                    v.get("expected_authorization").asText()));
        }
        return vectors;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Clock clockAt(String xDate) {
        LocalDateTime time = LocalDateTime.parse(xDate, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        return Clock.fixed(time.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
