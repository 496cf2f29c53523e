package io.vodkit.cli.support;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.VodkitCli;
import io.vodkit.client.upload.UploadConfig;
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
    /** The part size and multipart threshold of upload tests: 256 KiB, lowered from the service's 20 MiB. */
    public static final long SMALL_PART = 256 * 1024;
    /** Uploads in {@link #SMALL_PART} parts from {@link #SMALL_PART} up, so that tests send small files in parts. */
    public static final UploadConfig SMALL_PARTS = UploadConfig.builder()
            .minimumPartSize(SMALL_PART)
            .partSize(SMALL_PART)
            .multipartThreshold(SMALL_PART)
            .build();

    private CliRun() {}

    public static CliResult run(Map<String, String> env, Path workingDir, String... args) {
        return run(env, workingDir, new CompletableFuture<>(), args);
    }

    public static CliResult run(
            Map<String, String> env, Path workingDir, CompletableFuture<Void> shutdown, String... args) {
        return run(env, workingDir, shutdown, false, args);
    }

    /** As {@link #run(Map, Path, String...)} with stderr taken for a terminal, as a person at one sees it. */
    public static CliResult runOnTerminal(Map<String, String> env, Path workingDir, String... args) {
        return run(env, workingDir, new CompletableFuture<>(), true, args);
    }

    /**
     * As {@link #run(Map, Path, String...)} with uploads tuned by {@code tuning} (e.g. {@link #SMALL_PARTS}), which
     * {@code --part-size} and {@code --concurrency} change.
     */
    public static CliResult run(UploadConfig tuning, Map<String, String> env, Path workingDir, String... args) {
        return run(env, workingDir, new CompletableFuture<>(), false, tuning, args);
    }

    private static CliResult run(
            Map<String, String> env,
            Path workingDir,
            CompletableFuture<Void> shutdown,
            boolean terminal,
            String... args) {
        return run(env, workingDir, shutdown, terminal, UploadConfig.defaults(), args);
    }

    private static CliResult run(
            Map<String, String> env,
            Path workingDir,
            CompletableFuture<Void> shutdown,
            boolean terminal,
            UploadConfig tuning,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> withIdle = new HashMap<>(env);
        withIdle.putIfAbsent("VODKIT_IDLE_MINUTES", SAFETY_IDLE_MINUTES); // a background emulator a test forgot ends
        CliContext context = new CliContext(
                        withIdle,
                        workingDir,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        terminal,
                        shutdown)
                .withUploadTuning(tuning);
        int code = VodkitCli.execute(context, args);
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
