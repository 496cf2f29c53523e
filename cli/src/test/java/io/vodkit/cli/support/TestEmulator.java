package io.vodkit.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.WorkflowTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real emulator on a loopback port for one test, and the environment that points the CLI at it. */
public final class TestEmulator implements AutoCloseable {
    public static final String SPACE = "e2e";
    public static final String ACCESS_KEY = "AKLTE2ETESTKEY";
    public static final String SECRET_KEY = "e2e-secret-key-value";

    private final Emulator emulator;
    private final Path dataDir;

    private TestEmulator(Emulator emulator, Path dataDir) {
        this.emulator = emulator;
        this.dataDir = dataDir;
    }

    public static TestEmulator start(Path dataDir) throws IOException {
        return start(dataDir, 0, List.of());
    }

    /** Starts on {@code port} (0 = any) with the given upload hosts (empty = the emulator itself). */
    public static TestEmulator start(Path dataDir, int port, List<String> uploadHosts) throws IOException {
        return start(config(dataDir, port, uploadHosts), Clock.systemUTC());
    }

    /** Starts with {@code config} and {@code clock} (e.g. a clock ahead of real time, to expire signed URLs). */
    public static TestEmulator start(EmulatorConfig config, Clock clock) throws IOException {
        return new TestEmulator(Emulator.start(config, clock), config.dataDir());
    }

    /** Fixed test credentials and the {@value #SPACE} space; Pro refused unless {@code allowPro}. */
    public static EmulatorConfig config(Path dataDir, int port, List<String> uploadHosts) {
        return EmulatorConfig.builder(dataDir)
                .port(port)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .spaces(List.of(SPACE))
                .uploadHosts(uploadHosts)
                .build();
    }

    /** The environment of a user configured for this emulator; {@code home} isolates VODKIT_HOME. */
    public Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("BYTEPLUS_ACCESSKEY", ACCESS_KEY);
        env.put("BYTEPLUS_SECRETKEY", SECRET_KEY);
        env.put("VOD_ENDPOINT", emulator.endpoint().toString());
        env.put("VOD_SPACE_NAME", SPACE);
        env.put("VODKIT_HOME", home.toString());
        env.put("HOME", home.toString());
        return env;
    }

    /** Defines a workflow template, as {@code serve --workflow-template ID=SPEC} does. */
    public void defineWorkflowTemplate(String definition) {
        emulator.defineWorkflowTemplate(WorkflowTemplate.parse(definition));
    }

    public int port() {
        return emulator.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    /** The emulator's request counters ({@code GET /_vodkit/stats}). */
    public JsonNode stats() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint().resolve("/_vodkit/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    @Override
    public void close() {
        emulator.close();
    }
}
