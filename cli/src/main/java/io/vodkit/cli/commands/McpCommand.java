package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.VersionProvider;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.mcp.VodkitMcpServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vodkit mcp}: serves vodkit's tools to an AI agent over MCP on stdin/stdout. */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serve vodkit to an AI agent as an MCP server over stdio (JSON-RPC on stdin/stdout; logs "
                    + "on stderr) until stdin closes or the process is stopped.",
            "Tools: upload_media, get_upload_status, enhance_video, get_execution, get_play_url. Each runs the "
                    + "matching command (upload, poll-upload, enhance, poll, play-url) and returns its JSON; "
                    + "failures are tool errors carrying its {\"error\"} JSON. Uploads and polls send progress "
                    + "notifications when the client gives a progressToken. Without credentials the server starts the "
                    + "local emulator in the background (or uses the one running), which outlives it: "
                    + "`vodkit serve --stop` stops it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit mcp                      # on the local emulator without credentials",
            "  vodkit mcp --home ~/agent-data  # flags apply to every tool call",
            "MCP client configuration (.mcp.json, Claude Desktop; \"command\" is the absolute",
            "path of vodkit unless it is on the client's PATH):",
            "  {\"mcpServers\":{\"vodkit\":{\"command\":\"vodkit\",\"args\":[\"mcp\"],",
            "   \"env\":{\"VOD_SPACE_NAME\":\"my_space\"}}}}"
        })
public final class McpCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ServiceOptions service;

    public McpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VodkitMcpServer.serve(context, service.asSettings(), VersionProvider.version());
        return ExitCodes.OK;
    }
}
