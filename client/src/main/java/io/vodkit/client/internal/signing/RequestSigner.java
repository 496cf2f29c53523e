package io.vodkit.client.internal.signing;

import io.vodkit.client.Credentials;
import io.vodkit.client.internal.Digests;
import io.vodkit.client.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.TreeMap;

/**
 * BytePlus OpenAPI request signing, header form (spec §2.1): algorithm {@code HMAC-SHA256}, scope
 * {@code <yyyyMMdd>/<region>/<service>/request}. Pure apart from the injected clock, which gives {@code X-Date}.
 * Signs {@code host;x-content-sha256;x-date}, plus {@code content-type} when the request has one.
 */
public final class RequestSigner {

    static final String ALGORITHM = "HMAC-SHA256";
    private static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Credentials credentials;
    private final String region;
    private final String service;
    private final Clock clock;

    public RequestSigner(Credentials credentials, String region, String service, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        this.region = Objects.requireNonNull(region, "region == null");
        this.service = Objects.requireNonNull(service, "service == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** The headers to add to {@code request}: {@code X-Date}, {@code X-Content-Sha256}, {@code Authorization}. */
    public SignatureHeaders sign(SigningRequest request) {
        String xDate = X_DATE.format(clock.instant());
        String shortDate = xDate.substring(0, 8);
        String payloadHash = Digests.sha256Hex(request.body());

        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", request.canonicalHost());
        headers.put("x-content-sha256", payloadHash);
        headers.put("x-date", xDate);
        if (request.contentType() != null) {
            headers.put("content-type", request.contentType().trim());
        }
        CanonicalRequest canonical = new CanonicalRequest(
                request.method(), CanonicalRequest.canonicalQuery(request.query()), headers, payloadHash);

        String scope = shortDate + "/" + region + "/" + service + "/request";
        String stringToSign = stringToSign(xDate, scope, canonical);
        String signature = Hex.encode(Digests.hmacSha256(signingKey(shortDate), stringToSign));
        String authorization = ALGORITHM + " Credential=" + credentials.accessKey() + "/" + scope + ", SignedHeaders="
                + canonical.signedHeaders() + ", Signature=" + signature;
        return new SignatureHeaders(xDate, payloadHash, authorization);
    }

    static String stringToSign(String xDate, String scope, CanonicalRequest canonical) {
        String canonicalHash = Digests.sha256Hex(canonical.text().getBytes(StandardCharsets.UTF_8));
        return ALGORITHM + "\n" + xDate + "\n" + scope + "\n" + canonicalHash;
    }

    /** kDate → kRegion → kService → kSigning, raw HMAC bytes at each step, no prefix on the secret. */
    byte[] signingKey(String shortDate) {
        byte[] kDate = Digests.hmacSha256(credentials.secretKey().getBytes(StandardCharsets.UTF_8), shortDate);
        byte[] kRegion = Digests.hmacSha256(kDate, region);
        byte[] kService = Digests.hmacSha256(kRegion, service);
        return Digests.hmacSha256(kService, "request");
    }
}
