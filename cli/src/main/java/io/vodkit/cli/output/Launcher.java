package io.vodkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The word that starts vodkit, and the one place that formats a command printed for the user to type next (a resume
 * hint, a job's {@code Command}, how to stop the local emulator): that word, then the arguments, each single-quoted
 * for POSIX shells when it holds anything outside {@code [A-Za-z0-9_./:=@%+,-]}.
 *
 * @param word {@code vodkit}, or the path the {@code ./vodkit} launcher was started by ({@code VODKIT_LAUNCHER})
 */
public record Launcher(String word) {
    /** vodkit found on PATH. */
    public static final Launcher ON_PATH = new Launcher("vodkit");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** The command line that runs vodkit with {@code arguments}, as it is to be typed. */
    public String command(List<String> arguments) {
        List<String> words = new ArrayList<>(List.of(word));
        words.addAll(arguments);
        return words.stream().map(Launcher::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
