package io.vodkit.bench.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code vodkit serve} in a child JVM, with or without a shaped link; stopped on close. It runs with the flags the
 * CLI starts its background emulator with (the embedded default's, {@code cli/…/backend/BackgroundEmulator}): the
 * serial collector, the JVM's default heap.
 */
final class EmulatorChild implements AutoCloseable {

    private static final List<String> BACKGROUND_EMULATOR_FLAGS = List.of("-XX:+UseSerialGC");

    static final String ACCESS_KEY = "AKBENCHUPLOAD";
    static final String SECRET_KEY = "SKBENCHUPLOAD0123456789";
    static final String SPACE = "bench";

    private final Process process;
    private final URI endpoint;

    private EmulatorChild(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static EmulatorChild start(ChildJvm jvm, String label, Path dataDir, Link link) throws IOException {
        Process process = jvm.start(
                label,
                BACKGROUND_EMULATOR_FLAGS,
                Main.class,
                Map.of("VODKIT_HOME", dataDir.resolve("home").toString()),
                "serve",
                "--port",
                "0",
                "--data",
                dataDir.toString(),
                "--space",
                SPACE,
                "--access-key",
                ACCESS_KEY,
                "--secret-key",
                SECRET_KEY,
                "--link-latency-ms",
                Long.toString(link.latencyMs()),
                "--link-rate",
                Long.toString(link.bytesPerSecond()));
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null) {
            process.destroy();
            throw new IOException("the emulator did not start; see its log " + label + ".log");
        }
        JsonNode line = new ObjectMapper().readTree(ready);
        return new EmulatorChild(process, URI.create(line.path("endpoint").asText()));
    }

    Target target(Path file) {
        return new Target(endpoint, ACCESS_KEY, SECRET_KEY, SPACE, file);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
