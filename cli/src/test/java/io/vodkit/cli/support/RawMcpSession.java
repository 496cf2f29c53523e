package io.vodkit.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code vodkit mcp} as a child process spoken to line by line, as any client may write to it (including lines no
 * SDK would send); every stdout and stderr line is kept.
 */
public final class RawMcpSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 90;

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private RawMcpSession(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** Starts the server in {@code dir} (see {@link CliProcess#start}) and completes the MCP handshake. */
    public static RawMcpSession start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        RawMcpSession session = new RawMcpSession(CliProcess.start(dir, env, "mcp"));
        JsonNode init = session.request(
                1,
                "initialize",
                "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}");
        if (!init.has("result")) {
            throw new AssertionError("initialize failed: " + init + "\nstderr: " + session.stderr);
        }
        session.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    private void drain(BufferedReader reader, boolean out) {
        Thread thread = new Thread(
                () -> {
                    try {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            (out ? stdout : stderr).add(line);
                            if (out) {
                                replies.add(line);
                            }
                        }
                    } catch (IOException ended) {
                        // the process is gone
                    }
                },
                out ? "mcp-stdout" : "mcp-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes one line to the server's stdin, as is. */
    public void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends a request and returns the server's reply to it. */
    public JsonNode request(int id, String method, String params) throws IOException, InterruptedException {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return next();
    }

    /** A tools/call; returns its result ({@code isError}, {@code content}). */
    public JsonNode callTool(int id, String tool, Map<String, Object> arguments)
            throws IOException, InterruptedException {
        JsonNode reply =
                request(id, "tools/call", JSON.writeValueAsString(Map.of("name", tool, "arguments", arguments)));
        if (!reply.has("result") || reply.get("id").asInt() != id) {
            throw new AssertionError("no result for call " + id + ": " + reply + "\nstderr: " + stderr);
        }
        return reply.get("result");
    }

    /** The JSON line a tool result carries (the command's output). */
    public static JsonNode text(JsonNode result) {
        try {
            return JSON.readTree(result.get("content").get(0).get("text").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message the server writes, skipping notifications (progress, logs). */
    public JsonNode next() throws InterruptedException, IOException {
        while (true) {
            String line = replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError(
                        "no reply within " + WAIT_SECONDS + " s; alive " + process.isAlive() + "\nstderr: " + stderr);
            }
            JsonNode message = JSON.readTree(line);
            if (message.has("id")) {
                return message;
            }
        }
    }

    /** Closes stdin and waits for the server to end; its exit code, or null when it is still running. */
    public Integer closeInput() throws IOException, InterruptedException {
        stdin.close();
        return process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
