package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit serve --tls} with real processes: it prints an https endpoint and its CA's PEM, a vodkit command
 * without credentials uses it over HTTPS trusting that CA by itself, and the README's client examples (curl, Python
 * requests, a Java truststore made with keytool) run as printed against it.
 *
 * <p>Substitutions, the only liberties taken: {@code https://127.0.0.1:PORT} and
 * {@code /home/you/.vodkit/local/tls/ca.pem} become the values serve printed (as the README says to do), and
 * {@code -jar your-app.jar} a one-file Java program that fetches {@code $VOD_ENDPOINT/_vodkit/stats} with the JVM's
 * default TLS settings.
 */
class TlsServeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern TLS_BLOCK =
            Pattern.compile("#### HTTPS: `vodkit serve --tls`.*?```text\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void serveTlsIsUsedOverHttpsByVodkitAndByTheReadmeClients() throws Exception {
        List<String> lines = readmeLines();
        assertThat(lines.get(0)).startsWith("vodkit serve --tls ");
        Process serve = CliProcess.start(tmp, Map.of(), "serve", "--tls");
        try {
            JsonNode ready = JSON.readTree(CliProcess.firstLine(serve.getInputStream()));
            String endpoint = ready.get("endpoint").asText();
            Path ca = Path.of(ready.get("ca_cert").asText());
            assertThat(endpoint).startsWith("https://127.0.0.1:");
            assertThat(ca).isEqualTo(tmp.resolve("home/local/tls/ca.pem")).exists();

            Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 300_000, 41);
            Process upload = CliProcess.start(tmp, Map.of(), "upload", file.toString());
            String out = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(upload.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(upload.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(upload.exitValue()).as(err).isZero();
            String playUrl = JSON.readTree(out).get("PlayURL").asText();
            assertThat(playUrl).startsWith(endpoint + "/");
            assertThat(downloadMd5(playUrl, trusting(ca))).isEqualTo(TestMedia.md5(file));

            Path app = Files.writeString(tmp.resolve("Fetch.java"), """
                    public class Fetch {
                        public static void main(String[] args) throws Exception {
                            var url = new java.net.URL(System.getenv("VOD_ENDPOINT") + "/_vodkit/stats");
                            var connection = (javax.net.ssl.HttpsURLConnection) url.openConnection();
                            System.out.println("java " + connection.getResponseCode());
                        }
                    }
                    """);
            boolean python = pythonHasRequests();
            List<String> clientLines = lines.subList(1, lines.size()).stream()
                    .filter(line -> python || !line.startsWith("REQUESTS_CA_BUNDLE="))
                    .toList();
            String script = "set -e\n"
                    + String.join("\n", clientLines)
                            .replace("https://127.0.0.1:PORT", endpoint)
                            .replace("/home/you/.vodkit/local/tls/ca.pem", ca.toString())
                            .replace("-jar your-app.jar", app.toString())
                    + "\n";
            Process clients = new ProcessBuilder("sh", "-c", script)
                    .directory(tmp.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(clients.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(clients.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(clients.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("\"bytes_received\"") // curl
                    .contains("java 200");
            if (python) {
                assertThat(output).contains("'bytes_received'");
            }
            assertThat(tmp.resolve("vodkit-ca.p12")).exists();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Whether {@code python3} can run the README's Python line (its {@code requests} module is not in the JDK's
     * world: a machine without it runs the other clients' lines only). */
    private static boolean pythonHasRequests() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import requests")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }

    /** The README's TLS example block, one command per line. */
    private static List<String> readmeLines() throws Exception {
        Matcher block = TLS_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(block.find())
                .as("the README has the `vodkit serve --tls` section")
                .isTrue();
        List<String> lines =
                block.group(1).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines)
                .anyMatch(line -> line.startsWith("curl --cacert"))
                .anyMatch(line -> line.startsWith("REQUESTS_CA_BUNDLE="))
                .anyMatch(line -> line.startsWith("keytool -importcert"));
        return lines;
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trusted.setCertificateEntry(
                    "vodkit", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String downloadMd5(String url, SSLContext trust) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newBuilder()
                .sslContext(trust)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream body = new DigestInputStream(response.body(), md5)) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
