package io.vodkit.bench.upload;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.VodkitCli;

/**
 * Uploader child: the real CLI, {@code vodkit upload FILE}, in this JVM (the endpoint, keys and space come from the
 * environment, as a user would set them), then its {@link RunReport}; exits with the command's exit code.
 */
public final class CliUpload {

    private CliUpload() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        CliContext context = CliContext.system();
        int exitCode = VodkitCli.execute(context, "upload", args[0]);
        context.ended();
        if (exitCode == 0) {
            RunReport.print(start);
        }
        System.exit(exitCode);
    }
}
