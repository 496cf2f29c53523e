package io.vodkit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a command reports as one {@code {"error": ...}} JSON line with an exit code; {@code extra} adds fields to
 * that line (for example {@code resume_hint} or {@code JobId}).
 */
public final class CliException extends RuntimeException {
    private final int exitCode;
    private final Map<String, Object> extra;

    public CliException(int exitCode, String message) {
        this(exitCode, message, Map.of(), null);
    }

    public CliException(int exitCode, String message, Map<String, Object> extra, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.extra = new LinkedHashMap<>(extra);
    }

    public static CliException invalidInput(String message) {
        return new CliException(ExitCodes.INVALID_INPUT, message);
    }

    public int exitCode() {
        return exitCode;
    }

    public Map<String, Object> extra() {
        return Map.copyOf(extra);
    }

    /** The JSON line for this failure: {@code error} first, then the extra fields in their order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", getMessage());
        json.putAll(extra);
        return json;
    }
}
