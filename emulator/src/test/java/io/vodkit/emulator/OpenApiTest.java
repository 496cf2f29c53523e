package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestSigner;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAPI front door: envelope, routing, parameter encodings, errors, domains and stats. */
class OpenApiTest extends EmulatorTestBase {
    @Test
    void successEnvelopeCarriesMetadata() {
        Reply reply = vod.client().get("ListDomain", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode metadata = reply.json().path("ResponseMetadata");
        assertThat(metadata.path("RequestId").asText()).matches("\\d{14}[0-9A-F]{16}");
        assertThat(metadata.path("Action").asText()).isEqualTo("ListDomain");
        assertThat(metadata.path("Version").asText()).isEqualTo("2023-01-01");
        assertThat(metadata.path("Service").asText()).isEqualTo("vod");
        assertThat(metadata.path("Region").asText()).isEqualTo("ap-singapore-1");
        assertThat(metadata.has("Error")).isFalse();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        "unknown action",
                        "DeleteEverything",
                        "2023-01-01",
                        Map.of("SpaceName", "demo"),
                        404,
                        "InvalidActionOrVersion",
                        100008,
                        "Could not find operation DeleteEverything for version 2023-01-01."),
                Arguments.of(
                        "unknown version",
                        "ApplyUploadInfo",
                        "2020-08-01",
                        Map.of("SpaceName", "demo"),
                        404,
                        "InvalidActionOrVersion",
                        100008,
                        "Could not find operation ApplyUploadInfo for version 2020-08-01."),
                Arguments.of(
                        "unknown space",
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "nope"),
                        404,
                        "ResourceNotFound",
                        null,
                        "The space nope does not exist."),
                Arguments.of(
                        "missing SpaceName",
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("FileName", "a.mp4"),
                        400,
                        "MissingParameter",
                        100002,
                        "The request is missing SpaceName parameter."),
                Arguments.of(
                        "missing SessionKey",
                        "CommitUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo"),
                        400,
                        "MissingParameter",
                        100002,
                        "The request is missing SessionKey parameter."),
                Arguments.of(
                        "bad extension",
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "FileExtension", "mp4"),
                        400,
                        "InvalidParameter",
                        null,
                        "The parameter FileExtension has an invalid value mp4: must start with . and have at most "
                                + "8 characters."),
                Arguments.of(
                        "bad FileName",
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "FileName", "/abs.mp4"),
                        400,
                        "InvalidParameter",
                        null,
                        "The parameter FileName has an invalid value /abs.mp4: must not start with /."),
                Arguments.of(
                        "bad StorageClass",
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "StorageClass", "7"),
                        400,
                        "InvalidParameter",
                        null,
                        "The parameter StorageClass has an invalid value 7: must be 1, 2 or 3."),
                Arguments.of(
                        "bad Functions",
                        "CommitUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "SessionKey", "x", "Functions", "[{"),
                        400,
                        "InvalidParameter",
                        null,
                        "The parameter Functions has an invalid value [{: not a JSON " + "object or array."),
                Arguments.of(
                        "bad space name",
                        "CreateSpace",
                        "2021-01-01",
                        Map.of("SpaceName", "no spaces"),
                        400,
                        "InvalidParameter",
                        null,
                        "The parameter SpaceName has an invalid value no spaces: space name "
                                + "must be 1-64 letters, digits, '.', '_' or '-': no spaces."),
                Arguments.of(
                        "unknown domain",
                        "DescribeDomainConfig",
                        "2023-07-01",
                        Map.of("SpaceName", "demo", "Domain", "cdn.example.com"),
                        404,
                        "ResourceNotFound",
                        null,
                        "The domain cdn.example.com does not exist in space demo."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsUseTheCatalogEnvelope(
            String name,
            String action,
            String version,
            Map<String, String> params,
            int status,
            String code,
            Integer codeN,
            String message) {
        Reply reply = vod.client().get(action, version, params);

        assertThat(reply.status()).isEqualTo(status);
        JsonNode metadata = reply.json().path("ResponseMetadata");
        assertThat(metadata.path("Action").asText()).isEqualTo(action);
        assertThat(metadata.path("Version").asText()).isEqualTo(version);
        assertThat(reply.json().has("Result")).isFalse();
        assertThat(reply.error().path("Code").asText()).isEqualTo(code);
        assertThat(reply.error().path("Message").asText()).isEqualTo(message);
        if (codeN == null) {
            assertThat(reply.error().has("CodeN")).isFalse();
        } else {
            assertThat(reply.error().path("CodeN").asInt()).isEqualTo(codeN);
        }
    }

    @Test
    void unsignedAndBadlySignedRequestsAreRefused() {
        Reply unsigned = vod.client()
                .send("GET", "/?Action=ListDomain&Version=2023-01-01&SpaceName=demo", Map.of(), new byte[0]);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.error().path("Code").asText()).isEqualTo("MissingAuthenticationToken");

        VodTestClient wrongSecret = new VodTestClient(
                vod.emulator().endpoint(),
                TestEmulator.ACCESS_KEY,
                "nope",
                "ap-singapore-1",
                java.time.Clock.systemUTC());
        Reply mismatch = wrongSecret.get("ListDomain", "2023-01-01", Map.of("SpaceName", "demo"));
        assertThat(mismatch.status()).isEqualTo(401);
        assertThat(mismatch.error().path("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(mismatch.error().path("CodeN").asInt()).isEqualTo(100010);

        VodTestClient stale = new VodTestClient(
                vod.emulator().endpoint(),
                TestEmulator.ACCESS_KEY,
                TestEmulator.SECRET_KEY,
                "ap-singapore-1",
                java.time.Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC));
        Reply expired = stale.get("ListDomain", "2023-01-01", Map.of("SpaceName", "demo"));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.error().path("Code").asText()).isEqualTo("InvalidTimestamp");
    }

    @Test
    void javaSdkDefaultsAreTreatedAsNotSet() {
        Reply reply = vod.client()
                .get(
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of(
                                "UploadHostPrefer",
                                "",
                                "SpaceName",
                                "demo",
                                "FileType",
                                "media",
                                "SessionKey",
                                "",
                                "StorageClass",
                                "0",
                                "FileName",
                                "",
                                "FileExtension",
                                ".mp4",
                                "FileSize",
                                "0.0"));

        assertThat(reply.result()
                        .path("Data")
                        .path("UploadAddress")
                        .path("StoreInfos")
                        .get(0)
                        .path("StoreUri")
                        .asText())
                .matches("tos-vod-local-demo/[0-9a-f]{32}\\.mp4");
    }

    @Test
    void formAndJsonBodiesAreAccepted() {
        Reply form = vod.client()
                .postForm(
                        "ApplyUploadInfo",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "FileName", "form.mp4", "NeedFallback", "True"));
        assertThat(storeUri(form)).isEqualTo("tos-vod-local-demo/form.mp4");

        Reply json = vod.client()
                .postJson(
                        "ApplyUploadInfo",
                        "2023-01-01",
                        "{\"SpaceName\": \"demo\", \"FileName\": \"json.mp4\", \"FileSize\": 1048576.0, \"StorageClass\": 1}");
        assertThat(storeUri(json)).isEqualTo("tos-vod-local-demo/json.mp4");

        String sessionKey = json.result()
                .path("Data")
                .path("UploadAddress")
                .path("SessionKey")
                .asText();
        byte[] data = UploadFlowTest.bytes(32, 1);
        JsonNode address = json.result().path("Data").path("UploadAddress");
        vod.client()
                .gatewayPut(
                        "tos-vod-local-demo/json.mp4",
                        address.path("StoreInfos").get(0).path("Auth").asText(),
                        null,
                        data,
                        Map.of("Content-CRC32", VodTestClient.crc32(data)));
        Reply commit = vod.client()
                .postJson(
                        "CommitUploadInfo",
                        "2023-01-01",
                        "{\"SpaceName\":\"demo\"," + "\"SessionKey\":\"" + sessionKey
                                + "\",\"Functions\":[{\"Name\":\"GetMeta\"}]}");
        assertThat(commit.result().path("Data").path("SourceInfo").path("Size").asInt())
                .isEqualTo(32);

        Reply notJson = vod.client().postJson("ApplyUploadInfo", "2023-01-01", "[1,2]");
        assertThat(notJson.error().path("Code").asText()).isEqualTo("InvalidParameter");
    }

    @Test
    void nodeStyleRequestSigningOnlyXDateIsAccepted() {
        String query = "Action=ApplyUploadInfo&Version=2022-01-01";
        byte[] body = "SpaceName=demo&FileName=node.mp4".getBytes(StandardCharsets.UTF_8);
        String xDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Map<String, String> signed = new TreeMap<>(Map.of("x-date", xDate));
        String authorization = TestSigner.authorization(
                TestEmulator.ACCESS_KEY,
                TestEmulator.SECRET_KEY,
                "ap-singapore-1",
                "POST",
                query,
                signed,
                TestSigner.sha256(body));

        Reply reply = vod.client()
                .send(
                        "POST",
                        "/?" + query,
                        Map.of(
                                "X-Date",
                                xDate,
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Authorization",
                                authorization),
                        body);

        assertThat(storeUri(reply)).isEqualTo("tos-vod-local-demo/node.mp4");
    }

    @Test
    void createSpaceMakesASpaceKnownAndCreatingItAgainSucceeds() {
        assertThat(vod.client()
                        .get("ApplyUploadInfo", "2023-01-01", Map.of("SpaceName", "fresh"))
                        .status())
                .isEqualTo(404);

        assertThat(vod.client()
                        .get("CreateSpace", "2021-01-01", Map.of("SpaceName", "fresh"))
                        .status())
                .isEqualTo(200);
        assertThat(vod.client()
                        .get("CreateSpace", "2021-01-01", Map.of("SpaceName", "fresh"))
                        .status())
                .isEqualTo(200);

        assertThat(vod.client()
                        .get("ApplyUploadInfo", "2023-01-01", Map.of("SpaceName", "fresh"))
                        .status())
                .isEqualTo(200);
        assertThat(vod.emulator().spaces()).contains("fresh");
    }

    @Test
    void listDomainReturnsThePlayDomain() {
        JsonNode result = vod.client()
                .get(
                        "ListDomain",
                        "2023-01-01",
                        Map.of("SpaceName", "demo", "SourceStationType", "1", "DomainType", "play", "Offset", "0"))
                .result();

        String domain = "127.0.0.1:" + vod.emulator().port();
        assertThat(result.path("SpaceName").asText()).isEqualTo("demo");
        assertThat(result.path("DefaultPlayDomain").asText()).isEqualTo(domain);
        assertThat(result.path("Total").asInt()).isEqualTo(1);
        assertThat(result.path("Offset").asInt()).isZero();
        JsonNode instance =
                result.path("PlayInstanceInfo").path("ByteInstances").get(0);
        assertThat(instance.path("InstanceId").asText()).isNotEmpty();
        JsonNode entry = instance.path("Domains").get(0);
        assertThat(entry.path("Domain").asText()).isEqualTo(domain);
        assertThat(entry.path("CdnStatus").asText()).isEqualTo("enable");
        assertThat(entry.path("Status").asText()).isEqualTo("enable");
        assertThat(entry.path("ConfigStatus").asText()).isEqualTo("online");
        assertThat(entry.path("Certificate").path("HttpsStatus").asText()).isEqualTo("disable");
        assertThat(result.path("PlayInstanceInfo").path("OtherInstances")).isEmpty();

        JsonNode images = vod.client()
                .get("ListDomain", "2023-01-01", Map.of("SpaceName", "demo", "DomainType", "image"))
                .result();
        assertThat(images.path("PlayInstanceInfo").path("ByteInstances")).isEmpty();
        assertThat(images.path("Total").asInt()).isZero();
    }

    @Test
    void describeDomainConfigReturnsTypeAKeys() {
        String domain = "127.0.0.1:" + vod.emulator().port();
        for (String version : new String[] {"2023-01-01", "2023-07-01"}) {
            JsonNode result = vod.client()
                    .get(
                            "DescribeDomainConfig",
                            version,
                            Map.of("SpaceName", "demo", "Domain", domain, "DomainType", "play"))
                    .result();
            assertThat(result.path("Domain").path("Domain").asText()).isEqualTo(domain);
            JsonNode auth = result.path("Config").path("SignedUrlAuthControl").path("SignedUrlAuth");
            assertThat(auth.path("Switch").asBoolean()).isTrue();
            JsonNode action = auth.path("SignedUrlAuthRules").get(0).path("SignedUrlAuthAction");
            assertThat(action.path("URLAuthType").asText()).isEqualTo("typea");
            assertThat(action.path("SignName").asText()).isEqualTo("auth_key");
            assertThat(action.path("Duration").asInt()).isEqualTo(1800);
            assertThat(action.path("MasterSecretKey").asText()).hasSize(32);
            assertThat(action.path("BackupSecretKey").asText())
                    .hasSize(32)
                    .isNotEqualTo(action.path("MasterSecretKey").asText());
        }
    }

    @Test
    void statsCountRequestsAndBytes() {
        JsonNode before = vod.client()
                .send("GET", "/_vodkit/stats", Map.of(), new byte[0])
                .json();
        TestEmulator.Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "stats.bin"));
        vod.client().gatewayPut(grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of());
        vod.directPut(grant, UploadFlowTest.bytes(1234, 1));

        JsonNode after = vod.client()
                .send("GET", "/_vodkit/stats", Map.of(), new byte[0])
                .json();

        assertThat(after.path("requests").asLong() - before.path("requests").asLong())
                .as("apply, init, direct put; stats queries are not counted")
                .isEqualTo(3);
        assertThat(after.path("bytes_received").asLong()
                        - before.path("bytes_received").asLong())
                .isEqualTo(1234);
        assertThat(after.path("uploads_in_progress").asLong()).isEqualTo(1);
    }

    private static String storeUri(Reply reply) {
        return reply.result()
                .path("Data")
                .path("UploadAddress")
                .path("StoreInfos")
                .get(0)
                .path("StoreUri")
                .asText();
    }
}
