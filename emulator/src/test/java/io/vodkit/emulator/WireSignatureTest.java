package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures are checked over the request as it was sent (spec §2.1, §2.4): raw HTTP/1.1 over a socket, so the
 * exact header names, values and body bytes are the test's, as real clients (Python {@code requests}, the skill, the
 * Volcengine Node SDK) send them.
 */
class WireSignatureTest {
    private static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String QUERY = "Action=GetExecution&Version=2025-07-01&RunId=nope";

    @TempDir
    static Path tmp;

    private static TestEmulator vod;

    @BeforeAll
    static void start() throws IOException {
        vod = TestEmulator.start(tmp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        vod.close();
    }

    /** How a client writes its headers: the names as it spells them, which ones it signs. */
    record Style(
            String name,
            String method,
            String contentType,
            String hostName,
            String dateName,
            String shaName,
            boolean sendSha,
            String signedHeaders) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of(new Style(
                        "python requests, json charset utf-8",
                        "POST",
                        "application/json; charset=utf-8",
                        "Host",
                        "X-Date",
                        "X-Content-Sha256",
                        true,
                        "content-type;host;x-content-sha256;x-date")),
                Arguments.of(new Style(
                        "lower-case names",
                        "POST",
                        "application/json; charset=utf-8",
                        "host",
                        "x-date",
                        "x-content-sha256",
                        true,
                        "content-type;host;x-content-sha256;x-date")),
                Arguments.of(new Style(
                        "mixed-case names",
                        "POST",
                        "Application/JSON;Charset=UTF-8",
                        "hOsT",
                        "X-DATE",
                        "x-Content-SHA256",
                        true,
                        "content-type;host;x-content-sha256;x-date")),
                Arguments.of(new Style(
                        "no X-Content-Sha256 header",
                        "POST",
                        "application/json; charset=utf-8",
                        "Host",
                        "X-Date",
                        null,
                        false,
                        "content-type;host;x-date")),
                Arguments.of(new Style(
                        "Volcengine Node SDK: only x-date signed",
                        "POST",
                        "application/json; charset=utf-8",
                        "Host",
                        "X-Date",
                        null,
                        false,
                        "x-date")),
                Arguments.of(new Style(
                        "the skill's GET: content-type signed, empty body",
                        "GET",
                        "application/json; charset=utf-8",
                        "Host",
                        "X-Date",
                        "X-Content-Sha256",
                        true,
                        "content-type;host;x-content-sha256;x-date")),
                Arguments.of(new Style(
                        "form body",
                        "POST",
                        "application/x-www-form-urlencoded; charset=UTF-8",
                        "Host",
                        "X-Date",
                        "X-Content-Sha256",
                        true,
                        "content-type;host;x-content-sha256;x-date")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void aRequestSignedOverWhatItSentIsAccepted(Style style) throws IOException {
        String response = send(style, body(style), false);

        // authenticated: the action answers (the run does not exist) instead of 401 SignatureDoesNotMatch
        assertThat(response)
                .startsWith("HTTP/1.1 404")
                .contains("\"ResourceNotFound\"")
                .doesNotContain("Signature");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void aChangedSignedValueIsStillRefused(Style style) throws IOException {
        String response = send(style, body(style), true);

        assertThat(response).startsWith("HTTP/1.1 401").contains("SignatureDoesNotMatch");
    }

    @Test
    void aSkewedDateIsStillRefused() throws IOException {
        String xDate = X_DATE.format(Clock.systemUTC().instant().minusSeconds(3600));
        byte[] body = new byte[0];
        String hash = TestSigner.sha256(body);
        Map<String, String> signed = Map.of("host", authority(), "x-date", xDate, "x-content-sha256", hash);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", authority());
        headers.put("X-Date", xDate);
        headers.put("X-Content-Sha256", hash);
        headers.put(
                "Authorization",
                TestSigner.authorization(
                        TestEmulator.ACCESS_KEY,
                        TestEmulator.SECRET_KEY,
                        vod.emulator().region(),
                        "GET",
                        QUERY,
                        signed,
                        hash));

        assertThat(raw("GET", headers, body)).startsWith("HTTP/1.1 400").contains("InvalidTimestamp");
    }

    /**
     * Sends a POST signed over the headers {@code style} declares; with {@code tamper}, the content-type that goes
     * out differs from the signed one by one character (so a verifier ignoring it would be caught).
     */
    private static String send(Style style, byte[] body, boolean tamper) throws IOException {
        String xDate = X_DATE.format(Clock.systemUTC().instant());
        String hash = TestSigner.sha256(body);
        Map<String, String> all = new TreeMap<>();
        all.put("content-type", style.contentType());
        all.put("host", authority());
        all.put("x-date", xDate);
        all.put("x-content-sha256", hash);
        Map<String, String> signed = new TreeMap<>();
        for (String name : style.signedHeaders().split(";")) {
            signed.put(name, all.get(name));
        }
        String authorization = TestSigner.authorization(
                TestEmulator.ACCESS_KEY,
                TestEmulator.SECRET_KEY,
                vod.emulator().region(),
                style.method(),
                QUERY,
                signed,
                hash);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(style.hostName(), authority());
        headers.put(
                "Content-Type",
                tamper && style.signedHeaders().contains("content-type")
                        ? style.contentType().replace("8", "9")
                        : style.contentType());
        headers.put(
                style.dateName(),
                tamper && !style.signedHeaders().contains("content-type")
                        ? X_DATE.format(Clock.systemUTC().instant().plusSeconds(1))
                        : xDate);
        if (style.sendSha()) {
            headers.put(style.shaName(), hash);
        }
        headers.put("Authorization", authorization);
        return raw(style.method(), headers, body);
    }

    private static byte[] body(Style style) {
        return style.method().equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
    }

    private static String authority() {
        return vod.emulator().endpoint().getAuthority();
    }

    /** One HTTP/1.1 request written byte for byte; the whole response as text. */
    private static String raw(String method, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket =
                new Socket(vod.emulator().endpoint().getHost(), vod.emulator().port())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " /?" + QUERY + " HTTP/1.1\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
