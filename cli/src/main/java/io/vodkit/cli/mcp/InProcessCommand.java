package io.vodkit.cli.mcp;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ProgressHook;
import io.vodkit.cli.VodkitCli;
import io.vodkit.cli.output.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A vodkit command run inside this process as from a shell (same parsing, settings, output and errors), with its
 * JSON lines captured instead of printed; its stderr is the server's. It runs as a {@linkplain
 * CliContext#forToolCall() tool call}: an argument is a value, never an {@code @FILE} to read, and local files must
 * lie in the workspace.
 *
 * @param exitCode the command's exit code
 * @param lines    the JSON lines it printed
 */
record InProcessCommand(int exitCode, List<String> lines) {

    static InProcessCommand run(CliContext server, Map<String, String> env, List<String> args, ProgressHook progress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                        env,
                        server.workingDir(),
                        InputStream.nullInputStream(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        server.errStream(),
                        false,
                        false,
                        server.shutdown(),
                        progress)
                .forToolCall();
        int exitCode = VodkitCli.execute(context, args.toArray(String[]::new));
        return new InProcessCommand(
                exitCode,
                out.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.isBlank())
                        .toList());
    }

    /** The line a command would have printed for {@code failure}. */
    static InProcessCommand failed(CliException failure) {
        StringWriter line = new StringWriter();
        new JsonLines(new PrintWriter(line)).write(failure.toJson());
        return new InProcessCommand(failure.exitCode(), List.of(line.toString().strip()));
    }
}
