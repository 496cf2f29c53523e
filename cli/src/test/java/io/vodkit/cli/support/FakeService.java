package io.vodkit.cli.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback stand-in for the service that answers every request with what {@code answers} gives for its OpenAPI
 * action (or its path, for storage requests), and records those actions: for services that misbehave or jobs that
 * never end, which the emulator does not do on purpose.
 */
public final class FakeService implements AutoCloseable {

    /** One reply. */
    public record Answer(int status, String contentType, String body) {
        /** HTTP 200 with a JSON body. */
        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private final HttpServer server;
    private final List<String> actions = new CopyOnWriteArrayList<>();

    private FakeService(Function<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String action = query != null && query.contains("Action=")
                    ? query.replaceAll(".*Action=([A-Za-z]+).*", "$1")
                    : exchange.getRequestURI().getPath();
            actions.add(action);
            exchange.getRequestBody().readAllBytes();
            Answer answer = answers.apply(action);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Retry-After", "0");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Starts a service that gives {@code answers.apply(action)} to each request (called on its thread). */
    public static FakeService start(Function<String, Answer> answers) throws IOException {
        return new FakeService(answers);
    }

    /** The actions (or storage paths) asked for, in order. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    /** The environment of a user configured for this service, space {@code s}, VODKIT_HOME {@code home}. */
    public Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("VOD_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
        env.put("BYTEPLUS_ACCESSKEY", "AK");
        env.put("BYTEPLUS_SECRETKEY", "SK");
        env.put("VOD_SPACE_NAME", "s");
        env.put("VODKIT_HOME", home.toString());
        return env;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
