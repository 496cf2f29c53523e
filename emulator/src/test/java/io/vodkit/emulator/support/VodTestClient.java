package io.vodkit.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.net.ssl.SSLContext;

/** Drives a running emulator over real loopback HTTP, signing OpenAPI calls with {@link TestSigner}. */
public final class VodTestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A reply: status, headers, raw body and (when JSON) the parsed body. */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** {@code Result} of a successful OpenAPI reply. */
        public JsonNode result() {
            if (status != 200) {
                throw new AssertionError("expected HTTP 200, got " + status + ": " + text());
            }
            return json().get("Result");
        }

        public JsonNode error() {
            return json().path("ResponseMetadata").path("Error");
        }
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final Clock clock;

    public VodTestClient(URI endpoint, String accessKey, String secretKey, String region, Clock clock) {
        this(endpoint, accessKey, secretKey, region, clock, null);
    }

    /** A client of an https endpoint whose certificate {@code tls} trusts (null: the JDK's default). */
    public VodTestClient(URI endpoint, String accessKey, String secretKey, String region, Clock clock, SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        this.http = (tls == null ? builder : builder.sslContext(tls)).build();
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.clock = clock;
    }

    public Reply get(String action, String version, Map<String, String> params) {
        return openApi("GET", query(action, version, params), null, new byte[0]);
    }

    public Reply postForm(String action, String version, Map<String, String> form) {
        return openApi(
                "POST",
                query(action, version, Map.of()),
                "application/x-www-form-urlencoded",
                encode(form).getBytes(StandardCharsets.UTF_8));
    }

    public Reply postJson(String action, String version, String json) {
        return openApi(
                "POST", query(action, version, Map.of()), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs the way the official SDKs do: host, x-content-sha256, x-date (+ content-type when there is a body). */
    public Reply openApi(String method, String rawQuery, String contentType, byte[] body) {
        String xDate = X_DATE.format(clock.instant());
        String hash = TestSigner.sha256(body);
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", endpoint.getAuthority());
        signed.put("x-date", xDate);
        signed.put("x-content-sha256", hash);
        if (contentType != null) {
            signed.put("content-type", contentType);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Date", xDate);
        headers.put("X-Content-Sha256", hash);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put(
                "Authorization",
                TestSigner.authorization(accessKey, secretKey, region, method, rawQuery, signed, hash));
        return send(method, "/?" + rawQuery, headers, body);
    }

    /** Any request to the emulator's listener; {@code pathAndQuery} starts with {@code /}. */
    public Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
                .method(
                        method,
                        body.length == 0 && !method.equals("PUT") && !method.equals("POST")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A storage-gateway PUT to {@code /<StoreUri>[?query]} with the upload token. */
    public Reply gatewayPut(String storeUri, String auth, String query, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (auth != null) {
            all.put("Authorization", auth);
        }
        return send("PUT", "/" + encodePath(storeUri) + (query == null ? "" : "?" + query), all, body);
    }

    /** A play-domain GET/HEAD of {@code /<FileName>?auth_key=…}. */
    public Reply download(String method, String fileName, String authKey, Map<String, String> headers) {
        return send(
                method,
                "/" + encodePath(fileName) + (authKey == null ? "" : "?auth_key=" + authKey),
                headers,
                new byte[0]);
    }

    /** A type-A {@code auth_key} value for {@code /<fileName>} (spec §10.6). */
    public static String typeA(String fileName, long timestamp, String rand, String key) {
        String uri = "/" + encodePath(fileName);
        return timestamp + "-" + rand + "-0-" + md5(uri + "-" + timestamp + "-" + rand + "-0-" + key);
    }

    public static String crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return String.format("%08x", crc.getValue());
    }

    public static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String text) {
        return md5(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String query(String action, String version, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("Action", action);
        all.put("Version", version);
        return encode(all);
    }

    private static String encode(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(TestSigner.rfc3986(k) + "=" + TestSigner.rfc3986(v)));
        return String.join("&", pairs);
    }

    private static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(TestSigner.rfc3986(segment));
        }
        return String.join("/", segments);
    }
}
