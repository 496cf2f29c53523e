package io.vodkit.emulator.internal.security;

import io.vodkit.emulator.internal.api.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the HMAC-SHA256 signature of an OpenAPI request exactly as spec §2.4 describes: canonical headers from the
 * client-declared {@code SignedHeaders}, raw {@code Host} with {@code :80}/{@code :443} stripped, canonical query
 * re-encoded from the decoded raw query, payload hash = SHA-256 of the raw body (which must equal
 * {@code X-Content-Sha256} when that header is sent), constant-time comparison.
 */
public final class SignatureVerifier {
    static final String SERVICE = "vod";
    static final String TERMINAL = "request";
    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final CredentialStore credentials;
    private final Set<String> acceptedRegions;
    private final Duration maxClockSkew;
    private final Clock clock;

    public SignatureVerifier(
            CredentialStore credentials, Set<String> acceptedRegions, Duration maxClockSkew, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        this.acceptedRegions = Set.copyOf(acceptedRegions);
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Verifies the request.
     *
     * @return the access key that signed it
     * @throws io.vodkit.emulator.internal.api.ApiException with the catalog error that explains the rejection
     */
    public String verify(SignedRequest request) {
        String header = request.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiError.MISSING_AUTHENTICATION_TOKEN.exception();
        }
        AuthorizationHeader authorization = AuthorizationHeader.parse(header);
        if (!SERVICE.equals(authorization.service()) || !TERMINAL.equals(authorization.terminal())) {
            throw ApiError.INVALID_AUTHORIZATION.exception(
                    "The credential scope must end in /" + SERVICE + "/" + TERMINAL + ".");
        }
        if (!acceptedRegions.contains(authorization.region())) {
            throw ApiError.INVALID_AUTHORIZATION.exception(
                    "Region " + authorization.region() + " is not one of " + acceptedRegions + ".");
        }
        String secretKey = credentials
                .secretKeyFor(authorization.accessKey())
                .orElseThrow(() -> ApiError.INVALID_ACCESS_KEY.exception(authorization.accessKey()));

        String xDate = request.header("X-Date");
        Instant signedAt = parseXDate(xDate);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxClockSkew) > 0) {
            throw ApiError.INVALID_TIMESTAMP.exception();
        }
        if (!xDate.startsWith(authorization.shortDate())) {
            throw ApiError.SIGNATURE_DOES_NOT_MATCH.exception();
        }

        String payloadHash = Hashes.sha256Hex(request.body());
        String declaredHash = request.header("X-Content-Sha256");
        if (declaredHash != null && !payloadHash.equalsIgnoreCase(declaredHash.trim())) {
            throw ApiError.SIGNATURE_DOES_NOT_MATCH.exception();
        }

        String canonical = CanonicalRequest.build(
                request.method().toUpperCase(Locale.ROOT),
                request.rawQuery(),
                authorization.signedHeaders(),
                name -> canonicalHeaderValue(request, name),
                payloadHash);
        String stringToSign = String.join(
                "\n",
                AuthorizationHeader.ALGORITHM,
                xDate,
                authorization.credentialScope(),
                Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        String expected = Hashes.hex(Hashes.hmacSha256(
                signingKey(secretKey, authorization.shortDate(), authorization.region()), stringToSign));
        if (!Hashes.constantTimeEquals(expected, authorization.signature())) {
            throw ApiError.SIGNATURE_DOES_NOT_MATCH.exception();
        }
        return authorization.accessKey();
    }

    private static Instant parseXDate(String xDate) {
        if (xDate == null || xDate.isBlank()) {
            throw ApiError.MISSING_REQUEST_INFO.exception("timestamp");
        }
        try {
            return LocalDateTime.parse(xDate, X_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiError.MISSING_REQUEST_INFO.exception("valid timestamp (X-Date " + xDate + ")");
        }
    }

    private static String canonicalHeaderValue(SignedRequest request, String name) {
        String value = request.header(name);
        if (value == null) {
            return "";
        }
        value = value.trim();
        if (name.equals("host")) {
            if (value.endsWith(":80")) {
                return value.substring(0, value.length() - 3);
            }
            if (value.endsWith(":443")) {
                return value.substring(0, value.length() - 4);
            }
        }
        return value;
    }

    private static byte[] signingKey(String secretKey, String shortDate, String region) {
        byte[] kDate = Hashes.hmacSha256(secretKey.getBytes(StandardCharsets.UTF_8), shortDate);
        byte[] kRegion = Hashes.hmacSha256(kDate, region);
        byte[] kService = Hashes.hmacSha256(kRegion, SERVICE);
        return Hashes.hmacSha256(kService, TERMINAL);
    }
}
