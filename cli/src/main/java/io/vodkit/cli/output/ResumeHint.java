package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code resume_hint} of a time-out line: what happened and a complete shell command that resumes waiting for
 * the same job, e.g. {@code vodkit poll-upload 'c8f9…' 'my_space' '--endpoint' 'http://127.0.0.1:8080'}. Every argument
 * is single-quoted, so the command pastes safely into a POSIX shell whatever the values contain.
 */
@JsonPropertyOrder({"description", "command"})
public record ResumeHint(@JsonProperty("description") String description,
                         @JsonProperty("command") String command) {

    public ResumeHint {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(command, "command");
    }

    /**
     * A hint whose command runs {@code vodkit <subcommand> <arguments…>}; the arguments are quoted here.
     *
     * @param subcommand a vodkit command name such as {@code poll-upload} (a plain word, not quoted)
     */
    public static ResumeHint of(String description, String subcommand, List<String> arguments) {
        if (!subcommand.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("not a command name: " + subcommand);
        }
        String quoted = arguments.stream().map(ResumeHint::quote).collect(Collectors.joining(" "));
        return new ResumeHint(description, "vodkit " + subcommand + (quoted.isEmpty() ? "" : " " + quoted));
    }

    /** {@code it's} → {@code 'it'\''s'}: one POSIX shell word with exactly this text. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
