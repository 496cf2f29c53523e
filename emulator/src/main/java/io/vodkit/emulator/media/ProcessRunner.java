package io.vodkit.emulator.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link CommandRunner}: runs an external program from an argument list (never through a shell), drains
 * stdout and stderr on their own named threads, bounds every wait by the timeout, and kills the process and its
 * children when the timeout passes.
 */
public final class ProcessRunner implements CommandRunner {

    /** How many trailing stderr lines are kept for {@link ProcessResult#stderrTail()} and error messages. */
    public static final int STDERR_TAIL_LINES = 30;

    private static final int MAX_STDERR_LINE_CHARS = 2000;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

    private final Duration timeout;

    /** @param timeout the longest a single process may run before it is killed */
    public ProcessRunner(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout <= 0: " + timeout);
        }
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs the command as {@link CommandRunner#run(List, StdinWriter, StdoutReader)} says, a thread per stream. */
    @Override
    public ProcessResult run(List<String> command, StdinWriter stdin, StdoutReader stdout) throws MediaException {
        Objects.requireNonNull(command, "command == null");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        String binary = Path.of(command.get(0)).getFileName().toString();
        LOG.debug("start binary={} command={}", binary, command);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MediaException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        String threadPrefix = "media-" + binary + "-" + process.pid();
        AtomicReference<Exception> handlerFailure = new AtomicReference<>();
        StderrTail stderrTail = new StderrTail();

        Thread stderrThread = start(threadPrefix + "-stderr", () -> stderrTail.drain(process.getErrorStream()));
        Thread stdoutThread = start(threadPrefix + "-stdout", () -> {
            try (InputStream in = process.getInputStream()) {
                if (stdout != null) {
                    stdout.read(in);
                }
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | MediaException | RuntimeException e) {
                fail(handlerFailure, e, process);
            }
        });
        Thread stdinThread = start(threadPrefix + "-stdin", () -> {
            try (OutputStream out = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.write(out);
                }
            } catch (IOException | MediaException | RuntimeException e) {
                fail(handlerFailure, e, process);
            }
        });

        boolean finished;
        try {
            finished = process.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            if (finished) {
                long joinDeadline = Math.max(deadline, System.nanoTime()) + KILL_GRACE.toNanos();
                finished = join(stdoutThread, joinDeadline)
                        && join(stdinThread, joinDeadline)
                        && join(stderrThread, joinDeadline);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new MediaException(binary + " was interrupted");
        }
        if (!finished) {
            kill(process);
            stdoutThread.interrupt();
            stdinThread.interrupt();
            throw new MediaException(
                    binary + " did not finish within " + timeout + " and was killed; stderr: " + stderrTail.text());
        }
        int exitCode = process.exitValue();
        String tail = stderrTail.text();
        Exception failure = handlerFailure.get();
        if (failure instanceof MediaException mediaException) {
            throw mediaException;
        }
        if (exitCode != 0) {
            throw new MediaException(binary + " exited with status " + exitCode + ": " + tail, failure);
        }
        if (failure != null) {
            throw new MediaException(binary + " stream handling failed: " + failure.getMessage(), failure);
        }
        LOG.debug("finished binary={} exitCode={}", binary, exitCode);
        return new ProcessResult(exitCode, "", tail);
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void fail(AtomicReference<Exception> failure, Exception e, Process process) {
        if (failure.compareAndSet(null, e)) {
            kill(process);
        }
    }

    private static boolean join(Thread thread, long deadlineNanos) throws InterruptedException {
        long millis = TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadlineNanos));
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    private static long remainingNanos(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("process did not exit after kill pid={}", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the last {@link #STDERR_TAIL_LINES} lines of stderr. */
    private static final class StderrTail {
        private final ArrayDeque<String> lines = new ArrayDeque<>();

        void drain(InputStream stderr) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    add(line.length() > MAX_STDERR_LINE_CHARS ? line.substring(0, MAX_STDERR_LINE_CHARS) : line);
                }
            } catch (IOException e) {
                add("(stderr read failed: " + e.getMessage() + ")");
            }
        }

        private synchronized void add(String line) {
            if (line.isBlank()) {
                return;
            }
            if (lines.size() == STDERR_TAIL_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized String text() {
            return String.join("\n", lines);
        }
    }
}
