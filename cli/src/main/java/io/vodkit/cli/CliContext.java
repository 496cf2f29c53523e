package io.vodkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a command may take from the process it runs in, passed in rather than read from globals, so tests run
 * the real commands with their own environment, working directory and captured output.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final Path workingDir;
    private final PrintWriter out;
    private final PrintStream errStream;
    private final PrintWriter err;
    private final boolean errIsTerminal;
    private final CompletableFuture<Void> shutdown;

    /**
     * @param env           environment variables
     * @param workingDir    where {@code .env} is looked up and relative paths resolve
     * @param out           stdout: JSON lines only
     * @param err           stderr: logs, notices and progress bars
     * @param errIsTerminal whether stderr is an interactive terminal (progress bars are drawn only then)
     * @param shutdown      completes when the process is asked to stop (SIGINT/SIGTERM for the real process)
     */
    public CliContext(Map<String, String> env, Path workingDir, PrintStream out, PrintStream err,
                      boolean errIsTerminal, CompletableFuture<Void> shutdown) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.out = new PrintWriter(Objects.requireNonNull(out, "out"), true, StandardCharsets.UTF_8);
        this.errStream = Objects.requireNonNull(err, "err");
        this.err = new PrintWriter(err, true, StandardCharsets.UTF_8);
        this.errIsTerminal = errIsTerminal;
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
    }

    /** The context of the real process: standard streams, the JVM's shutdown hook as the stop signal. */
    public static CliContext system() {
        CompletableFuture<Void> shutdown = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown.complete(null), "vodkit-shutdown"));
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(),
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                stderrIsTerminal(), shutdown);
    }

    public Map<String, String> env() {
        return env;
    }

    public Path workingDir() {
        return workingDir;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** stderr as a byte stream, for libraries that draw on it (the progress bar). */
    public PrintStream errStream() {
        return errStream;
    }

    public boolean errIsTerminal() {
        return errIsTerminal;
    }

    public CompletableFuture<Void> shutdown() {
        return shutdown;
    }

    /** On Linux, fd 2 links to a pty or tty device when stderr is a terminal. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
