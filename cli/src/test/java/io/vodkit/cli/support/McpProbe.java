package io.vodkit.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an MCP client does first with a server on stdio: {@code initialize}, {@code notifications/initialized},
 * {@code tools/list}, each request waiting for its answer; then it closes the server's input.
 */
public final class McpProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private McpProbe() {}

    /** The names of the tools {@code server} (just started, stdio) lists; the server is ended afterwards. */
    public static JsonNode toolsList(Process server) {
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                Writer in = server.outputWriter(StandardCharsets.UTF_8)) {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            return e.toString();
                        }
                    },
                    Shell.OWN_THREAD);
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}");
            JsonNode initialized = answer(out, 1, err);
            if (!initialized.path("result").has("serverInfo")) {
                throw new AssertionError("initialize answered " + initialized);
            }
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            return answer(out, 2, err).path("result").path("tools");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
    }

    private static void send(Writer in, String message) throws IOException {
        in.write(message + "\n");
        in.flush();
    }

    /** Reads lines until the answer to request {@code id} (notifications and log lines are passed over). */
    private static JsonNode answer(BufferedReader out, int id, CompletableFuture<String> err) throws IOException {
        CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            JsonNode message = JSON.readTree(line);
                            if (message.path("id").asInt(-1) == id) {
                                return message;
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                Shell.OWN_THREAD);
        try {
            JsonNode message = answer.get(Shell.LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("the MCP server closed stdout before answering request " + id + "; stderr:\n"
                        + err.getNow("(still running)"));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("no answer to MCP request " + id + ": " + e, e);
        }
    }
}
