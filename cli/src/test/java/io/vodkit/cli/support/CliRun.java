package io.vodkit.cli.support;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.VodkitCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs the real vodkit command tree in-process with its own environment and captured stdout/stderr. */
public final class CliRun {
    /** The idle time of background emulators tests start, unless a test sets its own. */
    static final String SAFETY_IDLE_MINUTES = "5";

    private CliRun() {
    }

    public static CliResult run(Map<String, String> env, Path workingDir, String... args) {
        return run(env, workingDir, new CompletableFuture<>(), args);
    }

    public static CliResult run(Map<String, String> env, Path workingDir, CompletableFuture<Void> shutdown,
                                String... args) {
        return run(env, workingDir, shutdown, false, args);
    }

    /** As {@link #run(Map, Path, String...)} with stderr taken for a terminal, as a person at one sees it. */
    public static CliResult runOnTerminal(Map<String, String> env, Path workingDir, String... args) {
        return run(env, workingDir, new CompletableFuture<>(), true, args);
    }

    private static CliResult run(Map<String, String> env, Path workingDir, CompletableFuture<Void> shutdown,
                                 boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> withIdle = new HashMap<>(env);
        withIdle.putIfAbsent("VODKIT_IDLE_MINUTES", SAFETY_IDLE_MINUTES); // a background emulator a test forgot ends
        CliContext context = new CliContext(withIdle, workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, shutdown);
        int code = VodkitCli.execute(context, args);
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
