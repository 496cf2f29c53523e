package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file safely: {@code KEY=VALUE} lines, optional {@code export } prefix, {@code #} comments,
 * values optionally in single or double quotes. Nothing is expanded or executed; a malformed line is an error that
 * names the line number (never its content, which may hold a secret).
 */
public final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DotEnv() {}

    /** The variables of {@code file}, or none when it does not exist. */
    public static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    static Map<String, String> parse(List<String> lines, Path source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw CliException.invalidInput(source + " line " + (i + 1) + " is not KEY=VALUE");
            }
            values.put(key, unquote(line.substring(eq + 1).strip(), source, i + 1));
        }
        return values;
    }

    private static String unquote(String value, Path source, int lineNumber) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            char quote = value.charAt(0);
            int end = value.indexOf(quote, 1);
            if (end < 0) {
                throw CliException.invalidInput(source + " line " + lineNumber + " has an unterminated quote");
            }
            return value.substring(1, end);
        }
        int comment = value.indexOf(" #");
        return (comment < 0 ? value : value.substring(0, comment)).strip();
    }
}
