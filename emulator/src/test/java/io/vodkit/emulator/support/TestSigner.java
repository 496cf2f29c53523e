package io.vodkit.emulator.support;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only HMAC-SHA256 signer (spec §2.1), written separately from the server's verifier so that a shared bug
 * cannot pass both; {@code TestSignerTest} checks it against the captured vectors.
 */
public final class TestSigner {
    private TestSigner() {}

    /**
     * The {@code Authorization} header value.
     *
     * @param signedHeaders lower-case header name → value, the headers to sign (host, x-date, …)
     */
    public static String authorization(
            String accessKey,
            String secretKey,
            String region,
            String method,
            String rawQuery,
            Map<String, String> signedHeaders,
            String payloadHash) {
        TreeMap<String, String> headers = new TreeMap<>(signedHeaders);
        String xDate = headers.get("x-date");
        String shortDate = xDate.substring(0, 8);
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((k, v) ->
                canonicalHeaders.append(k).append(':').append(v.trim()).append('\n'));
        String names = String.join(";", headers.keySet());
        String canonical = method + "\n/\n" + canonicalQuery(rawQuery) + "\n" + canonicalHeaders + "\n" + names + "\n"
                + payloadHash;
        String scope = shortDate + "/" + region + "/vod/request";
        String stringToSign =
                "HMAC-SHA256\n" + xDate + "\n" + scope + "\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(secretKey.getBytes(StandardCharsets.UTF_8), shortDate);
        key = hmac(key, region);
        key = hmac(key, "vod");
        key = hmac(key, "request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        return "HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + names + ", Signature="
                + signature;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonicalQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                pairs.add(rfc3986(k) + "=" + rfc3986(v));
            }
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    static String rfc3986(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
