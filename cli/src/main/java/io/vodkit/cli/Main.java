package io.vodkit.cli;

import java.util.Arrays;

/** Entry point of the runnable jar: the exit code is the command's. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        CliContext context = CliContext.system();
        int exitCode = VodkitCli.execute(context, args);
        context.ended();
        System.exit(exitCode);
    }
}
