package io.vodkit.cli.output;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code resume_hint} of a timed-out command: what happened, and a complete shell command that picks the same
 * job up again.
 */
public record ResumeHint(String description, String command) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** A hint whose command is {@code commandWords} joined by spaces, each word single-quoted for POSIX shells when
     * it holds anything outside {@code [A-Za-z0-9_./:=@%+,-]}. */
    public static ResumeHint of(String description, List<String> commandWords) {
        return new ResumeHint(description, commandWords.stream().map(ResumeHint::quote)
                .collect(Collectors.joining(" ")));
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
