package io.vodkit.cli.mcp;

import java.util.function.Function;

/**
 * One MCP tool: its name, what it tells the agent, its arguments, and the vodkit command a call runs.
 *
 * @param plan turns checked arguments into the command line to run
 */
record VodkitTool(String name, String description, InputSchema schema, Function<ToolArguments, ToolCall> plan) {

    /** The command line of a call with these raw arguments; throws invalid input for bad arguments. */
    ToolCall call(java.util.Map<String, Object> arguments) {
        return plan.apply(new ToolArguments(name, arguments, schema.names()));
    }
}
