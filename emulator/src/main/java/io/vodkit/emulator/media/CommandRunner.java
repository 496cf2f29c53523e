package io.vodkit.emulator.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The seam where media work meets the world: runs one external command. {@link ProcessRunner} runs real processes
 * (time-outs, bounded reading, children killed); tests may replay recorded output instead, so the code that builds
 * commands and reads their output runs without ffmpeg.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Upper bound on stdout captured by {@link #run(List)}; stream larger outputs with a {@link StdoutReader}. */
    int MAX_CAPTURED_STDOUT_BYTES = 16 * 1024 * 1024;

    /** Consumes a process's stdout; runs on its own thread. */
    @FunctionalInterface
    interface StdoutReader {
        void read(InputStream stdout) throws IOException, MediaException;
    }

    /** Feeds a process's stdin; runs on its own thread. The stream is closed after it returns. */
    @FunctionalInterface
    interface StdinWriter {
        void write(OutputStream stdin) throws IOException, MediaException;
    }

    /**
     * Runs the command, feeding stdin from {@code stdin} and handing stdout to {@code stdout}. The returned result's
     * {@code stdout} is empty.
     *
     * @param stdin writes the process's input, or {@code null} for an empty stdin
     * @param stdout reads the process's output, or {@code null} to discard it
     * @throws MediaException when the program cannot start, exits non-zero, times out, or a handler fails
     */
    ProcessResult run(List<String> command, StdinWriter stdin, StdoutReader stdout) throws MediaException;

    /**
     * Runs the command with an empty stdin and captures stdout (up to {@link #MAX_CAPTURED_STDOUT_BYTES}).
     *
     * @throws MediaException when the program cannot start, exits non-zero, times out, or writes too much to stdout
     */
    default ProcessResult run(List<String> command) throws MediaException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProcessResult result = run(command, null, stdout -> {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = stdout.read(buffer)) != -1) {
                synchronized (bytes) {
                    if (bytes.size() + n > MAX_CAPTURED_STDOUT_BYTES) {
                        throw new MediaException("stdout exceeded " + MAX_CAPTURED_STDOUT_BYTES + " bytes");
                    }
                    bytes.write(buffer, 0, n);
                }
            }
        });
        synchronized (bytes) {
            return new ProcessResult(result.exitCode(), bytes.toString(StandardCharsets.UTF_8), result.stderrTail());
        }
    }
}
