package io.vodkit.cli;

import io.vodkit.cli.output.Launcher;
import io.vodkit.client.upload.UploadConfig;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a command may take from the process it runs in, passed in rather than read from globals, so tests run
 * the real commands with their own environment, working directory and captured output.
 */
public final class CliContext {
    /** How long a stop request waits for a command that {@linkplain #stoppable() stops on it} to end. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** Work that ends once {@link #shutdown()} completes; closing it ends the scope. */
    @FunctionalInterface
    public interface Stoppable extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, String> env;
    private final Path workingDir;
    private final InputStream in;
    private final PrintStream outStream;
    private final PrintWriter out;
    private final PrintStream errStream;
    private final PrintWriter err;
    private final boolean errIsTerminal;
    private final boolean outIsTerminal;
    private final CompletableFuture<Void> shutdown;
    private final ProgressHook progress;
    private final boolean toolCall;
    private final UploadConfig uploadTuning;
    private final AtomicInteger stoppable = new AtomicInteger();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** A context with no stdin and no progress hook (commands run from a script or a test). */
    public CliContext(
            Map<String, String> env,
            Path workingDir,
            PrintStream out,
            PrintStream err,
            boolean errIsTerminal,
            CompletableFuture<Void> shutdown) {
        this(
                env,
                workingDir,
                InputStream.nullInputStream(),
                out,
                err,
                errIsTerminal,
                false,
                shutdown,
                ProgressHook.NONE);
    }

    /**
     * @param env           environment variables
     * @param workingDir    where {@code .env} is looked up and relative paths resolve
     * @param in            stdin (read only by {@code vodkit mcp})
     * @param out           stdout: JSON lines only
     * @param err           stderr: logs, notices and progress bars
     * @param errIsTerminal whether stderr is an interactive terminal (progress bars are drawn only then)
     * @param outIsTerminal whether stdout is an interactive terminal (tables instead of JSON lines)
     * @param shutdown      completes when the process is asked to stop (SIGINT/SIGTERM for the real process)
     * @param progress      told how far long work got (uploads, polls)
     */
    public CliContext(
            Map<String, String> env,
            Path workingDir,
            InputStream in,
            PrintStream out,
            PrintStream err,
            boolean errIsTerminal,
            boolean outIsTerminal,
            CompletableFuture<Void> shutdown,
            ProgressHook progress) {
        this.outIsTerminal = outIsTerminal;
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.in = Objects.requireNonNull(in, "in");
        this.outStream = Objects.requireNonNull(out, "out");
        this.out = new PrintWriter(Objects.requireNonNull(out, "out"), true, StandardCharsets.UTF_8);
        this.errStream = Objects.requireNonNull(err, "err");
        this.err = new PrintWriter(err, true, StandardCharsets.UTF_8);
        this.errIsTerminal = errIsTerminal;
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.toolCall = false;
        this.uploadTuning = UploadConfig.defaults();
    }

    /** {@code base} for a tool call or with other upload settings: the same environment, streams and stop signal. */
    private CliContext(CliContext base, boolean toolCall, UploadConfig uploadTuning) {
        this.outIsTerminal = base.outIsTerminal;
        this.env = base.env;
        this.workingDir = base.workingDir;
        this.in = base.in;
        this.outStream = base.outStream;
        this.out = base.out;
        this.errStream = base.errStream;
        this.err = base.err;
        this.errIsTerminal = base.errIsTerminal;
        this.shutdown = base.shutdown;
        this.progress = base.progress;
        this.toolCall = toolCall;
        this.uploadTuning = Objects.requireNonNull(uploadTuning, "uploadTuning");
    }

    /**
     * This context for a command run by an MCP tool call: its arguments are values ({@code @FILE} is not read) and
     * the local files it uploads must lie in the agent's workspace (see {@code UploadAllowlist}).
     */
    public CliContext forToolCall() {
        return new CliContext(this, true, uploadTuning);
    }

    /**
     * This context with {@code tuning} as the upload settings {@code --part-size} and {@code --concurrency} start
     * from, e.g. a lowered part-size minimum so that a test uploads a few hundred KiB in parts.
     */
    public CliContext withUploadTuning(UploadConfig tuning) {
        return new CliContext(this, toolCall, tuning);
    }

    /** The upload settings {@code vodkit upload}'s flags apply to ({@link UploadConfig#defaults()} for a user). */
    public UploadConfig uploadTuning() {
        return uploadTuning;
    }

    /** Whether the command runs for an MCP tool call rather than from a command line. */
    public boolean toolCall() {
        return toolCall;
    }

    /**
     * The context of the real process: standard streams, the JVM's shutdown hook as the stop signal. Call
     * {@link #ended()} when the command has returned.
     */
    public static CliContext system() {
        CliContext context = new CliContext(
                System.getenv(),
                Path.of("").toAbsolutePath(),
                new FileInputStream(FileDescriptor.in),
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                isTerminal(2),
                isTerminal(1),
                new CompletableFuture<>(),
                ProgressHook.NONE);
        Runtime.getRuntime().addShutdownHook(new Thread(context::stopRequested, "vodkit-shutdown"));
        return context;
    }

    /** Signals {@link #shutdown()}; while stoppable work runs, lets the command end (a while at most) first. */
    private void stopRequested() {
        shutdown.complete(null);
        if (stoppable.get() > 0) {
            try {
                ended.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the process exits anyway
            }
        }
    }

    /**
     * Marks work that ends promptly, writing its last line, once {@link #shutdown()} completes (a wait, a server): a
     * stop request arriving meanwhile lets the command end before the process exits. Close it when that work is over.
     */
    public Stoppable stoppable() {
        stoppable.incrementAndGet();
        return stoppable::decrementAndGet;
    }

    /** The command has returned and written its output: the process may exit. */
    public void ended() {
        ended.complete(null);
    }

    public Map<String, String> env() {
        return env;
    }

    /**
     * What starts vodkit again in a command printed for the user to run next (a resume hint, how to stop the local
     * emulator): the path the {@code ./vodkit} launcher was started by ({@code VODKIT_LAUNCHER}, which it sets), else
     * {@code vodkit}.
     */
    public Launcher launcher() {
        String launcher = env.get("VODKIT_LAUNCHER");
        return launcher == null || launcher.isBlank() ? Launcher.ON_PATH : new Launcher(launcher);
    }

    public Path workingDir() {
        return workingDir;
    }

    public InputStream in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    /** stdout as a byte stream, for a protocol that owns it ({@code vodkit mcp}'s JSON-RPC). */
    public PrintStream outStream() {
        return outStream;
    }

    public PrintWriter err() {
        return err;
    }

    /** Tells the person or agent watching something on stderr, as {@code vodkit: MESSAGE}. */
    public void notice(String message) {
        err.println("vodkit: " + message);
        err.flush();
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

    public ProgressHook progress() {
        return progress;
    }

    /** Whether stdout is an interactive terminal (where a person would rather read a table). */
    public boolean outIsTerminal() {
        return outIsTerminal;
    }

    /** On Linux, fd 1 or 2 links to a pty or tty device when it is a terminal. */
    private static boolean isTerminal(int fd) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
