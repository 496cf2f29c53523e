package io.vodkit.cli.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool call runs: the vodkit command line, settings that differ for this call (e.g. {@code VOD_POLL_MAX=1}
 * when the client does not want to wait), and the space it names, if any.
 */
record ToolCall(List<String> args, Map<String, String> env, Optional<String> space) {
    ToolCall {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
