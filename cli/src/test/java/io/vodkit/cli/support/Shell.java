package io.vodkit.cli.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line with bash, exactly as it is printed, in a working directory and a given environment (nothing
 * inherited but what the caller passes), the way a person pastes it into a terminal.
 */
public final class Shell {
    /** How long one printed command may take. */
    public static final Duration LIMIT = Duration.ofSeconds(150);
    /** Blocking reads get a thread each, never one of a shared pool's few. */
    static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "shell-reader");
        thread.setDaemon(true);
        thread.start();
    };

    private Shell() {}

    /** A fresh user's environment: {@code HOME}, a {@code PATH} of {@code bin} folders then the system's, the JDK. */
    public static Map<String, String> userEnv(Path home, Path... bins) {
        Map<String, String> env = new HashMap<>();
        StringBuilder path = new StringBuilder();
        for (Path bin : bins) {
            path.append(bin).append(':');
        }
        env.put("PATH", path.append("/usr/local/bin:/usr/bin:/bin").toString());
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** Runs {@code line} to its end with nothing on stdin. */
    public static CliResult run(Path dir, Map<String, String> env, String line) {
        return run(dir, env, line, "");
    }

    /** Runs {@code line} to its end with {@code stdin} as its input (then closed). */
    public static CliResult run(Path dir, Map<String, String> env, String line, String stdin) {
        Process process = start(dir, env, line);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exited) {
            // it ended before reading its input; its output says why
        }
        CompletableFuture<String> out = drain(process.getInputStream(), new CompletableFuture<>());
        CompletableFuture<String> err = drain(process.getErrorStream(), new CompletableFuture<>());
        return finish(process, line, out, err, false);
    }

    /**
     * Runs a command that serves until stopped ({@code vodkit serve}): once it has printed its first stdout line (or
     * ended), it is asked to stop with SIGTERM, as Ctrl-C or a service manager would.
     */
    public static CliResult runUntilFirstLine(Path dir, Map<String, String> env, String line) {
        Process process = start(dir, env, line);
        try {
            process.getOutputStream().close();
            CompletableFuture<Void> firstLine = new CompletableFuture<>();
            CompletableFuture<String> out = drain(process.getInputStream(), firstLine);
            CompletableFuture<String> err = drain(process.getErrorStream(), new CompletableFuture<>());
            CompletableFuture.anyOf(firstLine, out).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            return finish(process, line, out, err, true);
        } catch (Exception e) {
            stop(process);
            throw new AssertionError("'" + line + "' printed no line within " + LIMIT, e);
        }
    }

    /** Starts {@code line} (its stdin, stdout and stderr are the caller's to use). */
    public static Process start(Path dir, Map<String, String> env, String line) {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", line).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CliResult finish(
            Process process,
            String line,
            CompletableFuture<String> out,
            CompletableFuture<String> err,
            boolean stopFirst) {
        try {
            if (stopFirst) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                stop(process);
                throw new AssertionError("'" + line + "' still ran after " + LIMIT + "; stderr:\n" + err.getNow(""));
            }
            return new CliResult(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new AssertionError(e);
        } catch (Exception e) {
            stop(process);
            throw new AssertionError("'" + line + "': " + e, e);
        }
    }

    /** Ends a process this class started and everything it started. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Reads {@code stream} to its end on another thread; completes {@code firstLine} once a whole line was read. A
     * stream the ended process closed under the reader ends it with what was read.
     */
    private static CompletableFuture<String> drain(InputStream stream, CompletableFuture<Void> firstLine) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ByteArrayOutputStream read = new ByteArrayOutputStream();
                    byte[] buffer = new byte[8192];
                    try {
                        for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                            read.write(buffer, 0, n);
                            for (int i = 0; i < n && !firstLine.isDone(); i++) {
                                if (buffer[i] == '\n') {
                                    firstLine.complete(null);
                                }
                            }
                        }
                    } catch (IOException closedAsTheProcessEnded) {
                        // what was read is all there is
                    }
                    return read.toString(StandardCharsets.UTF_8);
                },
                OWN_THREAD);
    }
}
