package io.vodkit.emulator.internal.security;

import io.vodkit.emulator.internal.api.ApiError;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: HMAC-SHA256 Credential=AK/date/region/service/request, SignedHeaders=a;b,
 * Signature=hex} header (spec §2.1 step 12).
 */
record AuthorizationHeader(
        String accessKey,
        String shortDate,
        String region,
        String service,
        String terminal,
        List<String> signedHeaders,
        String signature) {

    static final String ALGORITHM = "HMAC-SHA256";
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    static AuthorizationHeader parse(String header) {
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw ApiError.INVALID_AUTHORIZATION.exception("The algorithm must be " + ALGORITHM + ".");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length()).split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw ApiError.INVALID_AUTHORIZATION.exception("Cannot parse '" + trimmed + "'.");
            }
            parts.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        if (credential == null || signedHeaders == null) {
            throw ApiError.INVALID_AUTHORIZATION.exception("Credential and SignedHeaders are required.");
        }
        String signature = parts.get("Signature");
        if (signature == null || signature.isEmpty()) {
            throw ApiError.MISSING_SIGNATURE.exception();
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw ApiError.INVALID_AUTHORIZATION.exception("Signature must be 64 lowercase hex digits.");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || Arrays.stream(scope).anyMatch(String::isEmpty)) {
            throw ApiError.INVALID_AUTHORIZATION.exception(
                    "Credential must be AccessKey/YYYYMMDD/region/service/request.");
        }
        List<String> names = Arrays.stream(signedHeaders.split(";"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw ApiError.INVALID_AUTHORIZATION.exception("SignedHeaders has an empty name.");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], scope[4], names, signature);
    }

    String credentialScope() {
        return shortDate + "/" + region + "/" + service + "/" + terminal;
    }
}
