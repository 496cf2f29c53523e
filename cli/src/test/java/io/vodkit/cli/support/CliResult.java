package io.vodkit.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What one CLI run produced; stdout must be JSON lines only. */
public record CliResult(int exitCode, String stdout, String stderr) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("stdout line is not JSON: " + line + "\nstderr: " + stderr, e);
            }
        }
        return lines;
    }

    /** The single JSON line this run printed (fails if there is not exactly one). */
    public JsonNode single() {
        List<JsonNode> lines = lines();
        if (lines.size() != 1) {
            throw new AssertionError(
                    "expected exactly one JSON line, got " + lines.size() + ":\n" + stdout + "\nstderr:\n" + stderr);
        }
        return lines.get(0);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
