package io.vodkit.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Writes results to stdout as exactly one compact JSON object per line, flushed at once. */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintWriter out;

    public JsonLines(PrintWriter out) {
        this.out = out;
    }

    public void write(Object value) {
        try {
            String line = MAPPER.writeValueAsString(value);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output: " + e.getMessage(), e);
        }
    }
}
