package io.vodkit.emulator.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ApiException;
import io.vodkit.emulator.support.SignatureVectors;
import io.vodkit.emulator.support.TestSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureVerifierTest {
    private static final Set<String> REGIONS = Set.of("ap-singapore-1", "ap-southeast-1");
    private static final Duration SKEW = Duration.ofMinutes(15);

    // Spec §2.2 worked example (a): GET ApplyUploadInfo.
    private static final String EXAMPLE_AK = "AKLTEXAMPLEACCESSKEYID";
    private static final String EXAMPLE_SK = "EXAMPLESECRETACCESSKEY==";
    private static final Instant EXAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final SignedRequest EXAMPLE_A = new SignedRequest(
            "GET",
            "Action=ApplyUploadInfo&Version=2023-01-01&SpaceName=my_space&FileExtension=.mp4&FileSize=1048576",
            Map.of(
                    "Host",
                    List.of("vod.byteplusapi.com"),
                    "Accept",
                    List.of("application/json"),
                    "X-Date",
                    List.of("20260101T000000Z"),
                    "X-Content-Sha256",
                    List.of(EMPTY_SHA256),
                    "Authorization",
                    List.of("HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20260101/ap-singapore-1"
                            + "/vod/request, SignedHeaders=host;x-content-sha256;x-date, "
                            + "Signature=ba3dab480d724a4eee9bd2ecb40dd6bad47ee36fa3e2612f7f5533115037725e")),
            new byte[0]);

    // Spec §2.2 worked example (b): POST StartExecution with a JSON body.
    private static final String EXAMPLE_B_BODY = "{\"Input\":{\"Type\":\"Vid\",\"Vid\":\"v0example\"},\"Operation\":"
            + "{\"Type\":\"Task\",\"Task\":{\"Type\":\"Enhance\",\"Enhance\":{\"Type\":\"Moe\",\"MoeEnhance\":"
            + "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":1,\"RepairStrength\":0}}}}}}";
    private static final SignedRequest EXAMPLE_B = new SignedRequest(
            "POST",
            "Action=StartExecution&Version=2025-07-01",
            Map.of(
                    "Host",
                    List.of("vod.byteplusapi.com"),
                    "Content-Type",
                    List.of("application/json"),
                    "X-Date",
                    List.of("20260101T000000Z"),
                    "X-Content-Sha256",
                    List.of("4e9ab1408479ae473576057b4363799f53cb5d1b3fa0685be8a993ac342dabae"),
                    "Authorization",
                    List.of("HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20260101/ap-singapore-1"
                            + "/vod/request, SignedHeaders=content-type;host;x-content-sha256;x-date, "
                            + "Signature=4f68f1efa3891891dfc51922107269826d0603cf50d9a3c6212f6e11eb73e91c")),
            EXAMPLE_B_BODY.getBytes(StandardCharsets.UTF_8));

    private static SignatureVerifier verifier(String accessKey, String secretKey, Instant now) {
        return new SignatureVerifier(
                new CredentialStore(Map.of(accessKey, secretKey)), REGIONS, SKEW, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SignatureVerifier exampleVerifier() {
        return verifier(EXAMPLE_AK, EXAMPLE_SK, EXAMPLE_TIME);
    }

    static Stream<SignatureVectors.Vector> vectors() {
        return SignatureVectors.all().stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void acceptsCapturedOfficialSdkRequests(SignatureVectors.Vector v) {
        Map<String, List<String>> headers = new HashMap<>();
        v.headers().forEach((k, value) -> headers.put(k, List.of(value)));
        headers.put("Authorization", List.of(v.expectedAuthorization()));
        Instant signedAt = LocalDateTime.parse(
                        v.headers().get("X-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);

        String accessKey = verifier(v.accessKey(), v.secretKey(), signedAt.plusSeconds(30))
                .verify(new SignedRequest(
                        v.method(), v.query(), headers, v.body().getBytes(StandardCharsets.UTF_8)));

        assertThat(accessKey).isEqualTo(v.accessKey());
    }

    @Test
    void acceptsWorkedExampleGet() {
        assertThat(exampleVerifier().verify(EXAMPLE_A)).isEqualTo(EXAMPLE_AK);
    }

    @Test
    void acceptsWorkedExamplePostJson() {
        assertThat(exampleVerifier().verify(EXAMPLE_B)).isEqualTo(EXAMPLE_AK);
    }

    @Test
    void acceptsReorderedQueryWithPlusForSpaceAndHttpsPort() {
        SignedRequest signed = sign(
                "GET",
                "Action=ApplyUploadInfo&Version=2023-01-01&FileName=a%20b.mp4",
                Map.of("host", "vod.byteplusapi.com", "x-date", "20260101T000000Z", "x-content-sha256", EMPTY_SHA256),
                new byte[0],
                true);
        SignedRequest onTheWire = new SignedRequest(
                "GET",
                "FileName=a+b.mp4&Version=2023-01-01&Action=ApplyUploadInfo",
                with(signed.headers(), "Host", "vod.byteplusapi.com:443"),
                new byte[0]);

        assertThat(exampleVerifier().verify(onTheWire)).isEqualTo(EXAMPLE_AK);
    }

    @Test
    void acceptsNodeStyleRequestSigningOnlyXDateWithoutContentSha256() {
        byte[] body = "SpaceName=my_space&FileExtension=.mp4".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = sign(
                "POST", "Action=ApplyUploadInfo&Version=2022-01-01", Map.of("x-date", "20260101T000000Z"), body, false);

        assertThat(request.header("X-Content-Sha256")).isNull();
        assertThat(exampleVerifier().verify(request)).isEqualTo(EXAMPLE_AK);
    }

    @Test
    void acceptsSoutheastRegionScope() {
        SignedRequest request = signIn("ap-southeast-1");
        assertThat(exampleVerifier().verify(request)).isEqualTo(EXAMPLE_AK);
    }

    static Stream<Arguments> rejections() {
        String auth = EXAMPLE_A.header("Authorization");
        return Stream.of(
                rejection("no Authorization", r -> without(r, "Authorization"), ApiError.MISSING_AUTHENTICATION_TOKEN),
                rejection(
                        "wrong scheme",
                        r -> replaced(r, "Authorization", "Bearer abc"),
                        ApiError.INVALID_AUTHORIZATION),
                rejection(
                        "no Credential",
                        r -> replaced(r, "Authorization", auth.replace("Credential=", "Cred=")),
                        ApiError.INVALID_AUTHORIZATION),
                rejection(
                        "short Credential",
                        r -> replaced(r, "Authorization", auth.replace("/vod/request", "/vod")),
                        ApiError.INVALID_AUTHORIZATION),
                rejection(
                        "no Signature",
                        r -> replaced(r, "Authorization", auth.substring(0, auth.indexOf(", Signature="))),
                        ApiError.MISSING_SIGNATURE),
                rejection(
                        "other service",
                        r -> replaced(r, "Authorization", auth.replace("/vod/", "/iam/")),
                        ApiError.INVALID_AUTHORIZATION),
                rejection(
                        "other region",
                        r -> replaced(r, "Authorization", auth.replace("ap-singapore-1", "cn-north-1")),
                        ApiError.INVALID_AUTHORIZATION),
                rejection(
                        "unknown access key",
                        r -> replaced(r, "Authorization", auth.replace(EXAMPLE_AK, "AKLTUNKNOWN")),
                        ApiError.INVALID_ACCESS_KEY),
                rejection("no X-Date", r -> without(r, "X-Date"), ApiError.MISSING_REQUEST_INFO),
                rejection("garbled X-Date", r -> replaced(r, "X-Date", "yesterday"), ApiError.MISSING_REQUEST_INFO),
                rejection(
                        "X-Date 16 min early",
                        r -> replaced(r, "X-Date", "20251231T234400Z"),
                        ApiError.INVALID_TIMESTAMP),
                rejection(
                        "X-Date 16 min late",
                        r -> replaced(r, "X-Date", "20260101T001600Z"),
                        ApiError.INVALID_TIMESTAMP),
                rejection(
                        "X-Date 10 min late",
                        r -> replaced(r, "X-Date", "20260101T001000Z"),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "tampered query value",
                        r -> new SignedRequest(
                                r.method(), r.rawQuery().replace("my_space", "other"), r.headers(), r.body()),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "extra query parameter",
                        r -> new SignedRequest(r.method(), r.rawQuery() + "&FileName=x", r.headers(), r.body()),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "body without matching hash",
                        r -> new SignedRequest(
                                r.method(), r.rawQuery(), r.headers(), "x".getBytes(StandardCharsets.UTF_8)),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "other Host port",
                        r -> replaced(r, "Host", "vod.byteplusapi.com:8080"),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "other method",
                        r -> new SignedRequest("POST", r.rawQuery(), r.headers(), r.body()),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "flipped signature digit",
                        r -> replaced(r, "Authorization", auth.replace("Signature=ba3d", "Signature=ba3e")),
                        ApiError.SIGNATURE_DOES_NOT_MATCH),
                rejection(
                        "non-hex signature",
                        r -> replaced(r, "Authorization", auth.replace("Signature=ba3d", "Signature=zz3d")),
                        ApiError.INVALID_AUTHORIZATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsTamperedRequests(String name, UnaryOperator<SignedRequest> tamper, ApiError expected) {
        SignedRequest tampered = tamper.apply(EXAMPLE_A);

        assertThatThrownBy(() -> exampleVerifier().verify(tampered))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void rejectsTamperedJsonBodyEvenWithRecomputedContentHash() {
        byte[] body = EXAMPLE_B_BODY.replace("common", "aigc").getBytes(StandardCharsets.UTF_8);
        SignedRequest tampered = new SignedRequest(
                "POST",
                EXAMPLE_B.rawQuery(),
                with(EXAMPLE_B.headers(), "X-Content-Sha256", TestSigner.sha256(body)),
                body);

        assertThatThrownBy(() -> exampleVerifier().verify(tampered))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.SIGNATURE_DOES_NOT_MATCH));
    }

    @Test
    void rejectsWrongSecretKey() {
        assertThatThrownBy(() ->
                        verifier(EXAMPLE_AK, "another-secret", EXAMPLE_TIME).verify(EXAMPLE_A))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.SIGNATURE_DOES_NOT_MATCH));
    }

    private static Arguments rejection(String name, UnaryOperator<SignedRequest> tamper, ApiError expected) {
        return Arguments.of(name, tamper, expected);
    }

    private static SignedRequest signIn(String region) {
        Map<String, String> signed =
                Map.of("host", "vod.byteplusapi.com", "x-date", "20260101T000000Z", "x-content-sha256", EMPTY_SHA256);
        String query = "Action=ListDomain&Version=2023-01-01&SpaceName=my_space";
        String authorization =
                TestSigner.authorization(EXAMPLE_AK, EXAMPLE_SK, region, "GET", query, signed, EMPTY_SHA256);
        return new SignedRequest(
                "GET",
                query,
                Map.of(
                        "Host",
                        List.of("vod.byteplusapi.com"),
                        "X-Date",
                        List.of("20260101T000000Z"),
                        "X-Content-Sha256",
                        List.of(EMPTY_SHA256),
                        "Authorization",
                        List.of(authorization)),
                new byte[0]);
    }

    /** Signs with the test signer; {@code sendHash} adds an X-Content-Sha256 header (signed or not). */
    private static SignedRequest sign(
            String method, String query, Map<String, String> signedHeaders, byte[] body, boolean sendHash) {
        String hash = TestSigner.sha256(body);
        String authorization =
                TestSigner.authorization(EXAMPLE_AK, EXAMPLE_SK, "ap-singapore-1", method, query, signedHeaders, hash);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Host", List.of(signedHeaders.getOrDefault("host", "vod.byteplusapi.com")));
        headers.put("X-Date", List.of(signedHeaders.get("x-date")));
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        if (sendHash) {
            headers.put("X-Content-Sha256", List.of(hash));
        }
        headers.put("Authorization", List.of(authorization));
        return new SignedRequest(method, query, headers, body);
    }

    private static SignedRequest replaced(SignedRequest r, String header, String value) {
        return new SignedRequest(r.method(), r.rawQuery(), with(r.headers(), header, value), r.body());
    }

    private static SignedRequest without(SignedRequest r, String header) {
        Map<String, List<String>> headers = new HashMap<>(r.headers());
        headers.remove(header);
        return new SignedRequest(r.method(), r.rawQuery(), headers, r.body());
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        Map<String, List<String>> copy = new HashMap<>(headers);
        copy.remove(name);
        copy.put(name, List.of(value));
        return copy;
    }
}
