package io.vodkit.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.ProgressHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * vodkit's MCP server: the {@link VodkitTools} on the official SDK's stdio transport (JSON-RPC on stdin/stdout, one
 * message per line; a line that is not one is answered with a JSON-RPC error, see {@link JsonRpcInput}), each call
 * run in-process as its command. The SDK's own schema check of tool arguments is off so
 * that a bad argument gets the same {@code {"error"}} tool error as every other failure.
 */
public final class VodkitMcpServer {
    private static final ObjectMapper LINES = new ObjectMapper();

    private VodkitMcpServer() {}

    /**
     * Serves until the client closes stdin or the process is asked to stop.
     *
     * @param flags the server's service flags (under the variable names), applied to every call
     */
    public static void serve(CliContext context, Map<String, String> flags, String version) {
        try (CliContext.Stoppable running = context.stoppable()) {
            ToolEnvironment environment = ToolEnvironment.open(context, flags);
            McpJsonMapper mapper = McpJsonDefaults.getMapper();
            JsonRpcInput input = new JsonRpcInput(context.in(), context.outStream(), mapper);
            List<VodkitTool> tools = VodkitTools.all();
            McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, input, context.outStream()))
                    .serverInfo("vodkit", version)
                    .capabilities(ServerCapabilities.builder().tools(false).build())
                    .validateToolInputs(false)
                    .tools(tools.stream()
                            .map(tool -> specification(tool, context, environment, mapper))
                            .toList())
                    .build();
            context.notice("MCP server on stdin/stdout with tools "
                    + String.join(", ", tools.stream().map(VodkitTool::name).toList()));
            CompletableFuture.anyOf(input.ended(), context.shutdown()).join();
            server.closeGracefully();
        }
    }

    private static SyncToolSpecification specification(
            VodkitTool tool, CliContext context, ToolEnvironment environment, McpJsonMapper mapper) {
        Tool definition = Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(tool.schema().toMap())
                .build();
        return SyncToolSpecification.builder()
                .tool(definition)
                .callHandler((exchange, request) -> {
                    ProgressHook progress = request.progressToken() == null
                            ? ProgressHook.NONE
                            : new McpProgress(exchange, request.progressToken());
                    InProcessCommand outcome;
                    try {
                        ToolCall call = tool.call(request.arguments());
                        outcome = InProcessCommand.run(context, environment.forCall(call), call.args(), progress);
                    } catch (CliException invalid) {
                        outcome = InProcessCommand.failed(invalid);
                    }
                    return result(outcome, mapper);
                })
                .build();
    }

    /**
     * The command's JSON lines as text content (and as structured content when there is one line), and the PNG of
     * a comparison ({@code Compare.picture}) as an image beside them.
     */
    private static CallToolResult result(InProcessCommand outcome, McpJsonMapper mapper) {
        CallToolResult.Builder result = CallToolResult.builder().isError(outcome.exitCode() != ExitCodes.OK);
        outcome.lines().forEach(result::addTextContent);
        if (outcome.lines().size() == 1) {
            result.structuredContent(mapper, outcome.lines().get(0));
            comparisonPicture(outcome.lines().get(0))
                    .ifPresent(png -> result.addContent(
                            new ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png")));
        }
        return result.build();
    }

    /** The PNG a line's {@code Compare.picture.file} names, if there is one and it can be read. */
    static Optional<byte[]> comparisonPicture(String line) {
        try {
            JsonNode picture = LINES.readTree(line).path("Compare").path("picture");
            if (!"png".equals(picture.path("format").asText())) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(Path.of(picture.path("file").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
