package io.vodkit.cli.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The server's stdin as the SDK's stdio transport reads it: only lines that are JSON-RPC messages. The SDK's reader
 * stops serving at the first line it cannot read; here such a line never reaches it and is answered instead, as
 * JSON-RPC asks: -32700 (parse error) for a line that is not JSON, -32600 (invalid request) for JSON that is not one
 * message or a line longer than {@link #MAX_LINE_BYTES}. Blank lines are skipped. No reply quotes the line. Says when
 * stdin ended, so that the server exits.
 */
final class JsonRpcInput extends InputStream {
    static final int MAX_LINE_BYTES = 4 << 20;
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper mapper;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private byte[] line = new byte[0];
    private int position;

    /**
     * @param out where replies go: the transport's output, whose monitor the SDK holds while it writes a message,
     *            so lines never interleave
     */
    JsonRpcInput(InputStream in, OutputStream out, McpJsonMapper mapper) {
        this.in = new BufferedInputStream(in);
        this.out = out;
        this.mapper = mapper;
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        return fill() ? line[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Makes sure there is an accepted line to hand out; false at the end of stdin. */
    private boolean fill() throws IOException {
        try {
            while (position == line.length) {
                ByteArrayOutputStream next = new ByteArrayOutputStream();
                boolean tooLong = false;
                int b = in.read();
                if (b < 0) {
                    ended.complete(null);
                    return false;
                }
                while (b >= 0 && b != '\n') {
                    if (next.size() < MAX_LINE_BYTES) {
                        next.write(b);
                    } else {
                        tooLong = true;
                    }
                    b = in.read();
                }
                if (tooLong) {
                    reply(
                            JSON.nullNode(),
                            INVALID_REQUEST,
                            "Invalid Request: a message is longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
                } else {
                    accept(next.toString(StandardCharsets.UTF_8));
                }
            }
            return true;
        } catch (IOException e) {
            ended.complete(null);
            throw e;
        }
    }

    /** Hands {@code text} on when it is a message the SDK reads; answers it otherwise. */
    private void accept(String text) throws IOException {
        if (text.isBlank()) {
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            reply(
                    JSON.nullNode(),
                    PARSE_ERROR,
                    "Parse error: the line is not JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (column " + e.getLocation().getColumnNr() + ")"));
            return;
        }
        if (!tree.isObject()) {
            reply(JSON.nullNode(), INVALID_REQUEST, "Invalid Request: a message is one JSON object");
            return;
        }
        JsonNode id = tree.path("id");
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, text);
        } catch (IOException | RuntimeException e) {
            reply(
                    id.isTextual() || id.isNumber() ? id : JSON.nullNode(),
                    INVALID_REQUEST,
                    "Invalid Request: not a JSON-RPC request, notification or response");
            return;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
    }

    private void reply(JsonNode id, int code, String message) throws IOException {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", id);
        reply.putObject("error").put("code", code).put("message", message);
        byte[] bytes = (JSON.writeValueAsString(reply) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }
}
