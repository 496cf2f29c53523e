package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service that answers badly (not the emulator: a loopback server that misbehaves on purpose) gives one clear
 * {@code {"error"}} line, a non-zero exit and no stack trace, for every command that talks to it.
 */
class BadServerAnswersTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private String serve(int status, String contentType, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Retry-After", "0");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} answered with HTTP {1} ({4})")
    @CsvSource(delimiter = '|', value = {
        "upload  | 200 | application/json | {\"ResponseMetadata\": {oops | not JSON",
        "upload  | 502 | text/html        | <html><h1>Bad Gateway</h1></html> | not JSON",
        "upload  | 403 | application/json | {\"ResponseMetadata\":{\"Error\":{\"Code\":\"AccessDenied\",\"CodeN\":100013,\"Message\":\"User is not authorized\"}}} | AccessDenied",
        "upload  | 500 | application/json | {\"ResponseMetadata\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"boom\"}}} | InternalError",
        "upload  | 200 | application/json | {\"ResponseMetadata\":{},\"Result\":{\"Data\":{\"UploadAddress\":{\"StoreInfos\":[]}}}} | StoreInfos",
        "enhance | 200 | application/json | {\"ResponseMetadata\":{},\"Result\":{}} | RunId",
        "enhance | 503 | text/plain       | busy | 503",
        "poll    | 404 | application/json | {\"ResponseMetadata\":{\"Error\":{\"Code\":\"InvalidActionOrVersion\",\"CodeN\":100008,\"Message\":\"Could not find operation\"}}} | InvalidActionOrVersion",
        "poll    | 500 | application/json |  | the last query failed: GetExecution failed: HTTP 500 with an empty body",
    })
    void givesOneErrorLine(String command, int status, String contentType, String body, String expected)
            throws Exception {
        String endpoint = serve(status, contentType.strip(), body == null ? "" : body.strip());
        Files.write(tmp.resolve("clip.mp4"), new byte[] {1, 2, 3});
        Map<String, String> env = Map.of("VOD_ENDPOINT", endpoint, "BYTEPLUS_ACCESSKEY", "AK",
                "BYTEPLUS_SECRETKEY", "SK", "VOD_SPACE_NAME", "s", "VODKIT_HOME", tmp.resolve("home").toString(),
                "VOD_POLL_INTERVAL", "0.01", "VOD_POLL_MAX", "3");
        String[] args = switch (command.strip()) {
            case "upload" -> new String[] {"upload", "clip.mp4"};
            case "enhance" -> new String[] {"enhance", "{\"video\":\"v0abc\",\"config\":\"common\",\"repair_style\":1}"};
            default -> new String[] {"poll", "hb:0123"};
        };

        CliResult result = CliRun.run(env, tmp, args);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.single().get("error").asText()).contains(expected.strip());
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(requests.get()).isPositive();
    }
}
