package io.vodkit.emulator.media;

import java.util.Objects;

/**
 * The outcome of a finished external process.
 *
 * @param exitCode the process exit code
 * @param stdout everything the process wrote to stdout, decoded as UTF-8 (empty when stdout was streamed elsewhere)
 * @param stderrTail the last lines the process wrote to stderr, decoded as UTF-8
 */
public record ProcessResult(int exitCode, String stdout, String stderrTail) {

    public ProcessResult {
        Objects.requireNonNull(stdout, "stdout == null");
        Objects.requireNonNull(stderrTail, "stderrTail == null");
    }
}
