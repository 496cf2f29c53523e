package io.vodkit.cli.mcp;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one tool call, read with the checks a command line gets from picocli: unknown names, wrong
 * types and missing values are invalid input, reported as the usual {@code {"error"}} JSON (the argument names a
 * tool takes in its {@code "Expected"} field, not in the text a person is shown).
 */
final class ToolArguments {
    private final String tool;
    private final Map<String, Object> values;

    ToolArguments(String tool, Map<String, Object> values, Set<String> known) {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        for (String name : this.values.keySet()) {
            if (!known.contains(name)) {
                throw new CliException(
                        ExitCodes.INVALID_INPUT,
                        tool + ": unknown argument '" + name + "'",
                        Map.of("Code", "InvalidArgument", "Expected", List.copyOf(known)),
                        null);
            }
        }
    }

    /** A text argument that must be present and not blank. */
    String required(String name) {
        return text(name).filter(value -> !value.isBlank()).orElseThrow(() -> invalid("'" + name + "' is required"));
    }

    /** A text argument; a number is taken as its decimal text. */
    Optional<String> text(String name) {
        return scalar(name).map(String::valueOf);
    }

    /** A string or number argument, kept as given (so that the command validates it as it would on its own). */
    Optional<Object> scalar(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String || value instanceof Number) {
            return Optional.ofNullable(value);
        }
        throw invalid("'" + name + "' must be a string or a number, got " + value);
    }

    boolean flag(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid("'" + name + "' must be true or false, got " + value);
    }

    /** A list given as an array of strings or as one comma-separated string; at least one item. */
    List<String> list(String name) {
        Object value = values.get(name);
        List<?> items;
        if (value instanceof List<?> list) {
            items = list;
        } else if (value instanceof String text) {
            items = Arrays.asList(text.split(","));
        } else if (value == null) {
            items = List.of();
        } else {
            throw invalid("'" + name + "' must be a string or an array of strings, got " + value);
        }
        List<String> texts = items.stream()
                .map(item -> {
                    if (!(item instanceof String text)) {
                        throw invalid("'" + name + "' must hold strings, got " + item);
                    }
                    return text.strip();
                })
                .filter(text -> !text.isEmpty())
                .toList();
        if (texts.isEmpty()) {
            throw invalid("'" + name + "' is required");
        }
        return texts;
    }

    private CliException invalid(String message) {
        return CliException.invalidInput(tool + ": " + message);
    }
}
