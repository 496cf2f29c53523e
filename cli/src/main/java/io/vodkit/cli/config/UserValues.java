package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.client.limits.InvalidValueException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client limit checks ({@link io.vodkit.client.limits.Limits}) applied to values a person typed: a refusal becomes
 * invalid input (exit 2) on one line that names the value as the person gave it (a flag or a variable) and the
 * accepted range, e.g. {@code --part-size must be 20 MiB to 5 GiB, got 6GiB}.
 */
public final class UserValues {
    private UserValues() {}

    /**
     * Runs {@code check}; a refusal names {@code label} and shows {@code typed} as given.
     *
     * @param typed the text as typed, or {@code null} to show the value as the check describes it (long or private
     *              text, such as a title, is described rather than echoed)
     */
    public static <T> T check(String label, String typed, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException refused) {
            throw invalid(label, refused, typed == null ? refused.got() : "'" + typed + "'");
        }
    }

    /**
     * A refusal of a value that came from a flag: named by the flag {@code flags} maps its client name to, e.g.
     * {@code title → --title}.
     */
    public static CliException refused(InvalidValueException refused, Map<String, String> flags) {
        return invalid(flags.getOrDefault(refused.name(), refused.name()), refused, refused.got());
    }

    /**
     * {@link #refused(InvalidValueException, Map)}, showing the value as typed when {@code typed} has it under the
     * client's name (e.g. {@code partSize → '6GiB'} rather than {@code 6 GiB}).
     */
    public static CliException refused(
            InvalidValueException refused, Map<String, String> flags, Map<String, String> typed) {
        String text = typed.get(refused.name());
        return invalid(
                flags.getOrDefault(refused.name(), refused.name()),
                refused,
                text == null ? refused.got() : "'" + text + "'");
    }

    private static CliException invalid(String label, InvalidValueException refused, String got) {
        return new CliException(
                ExitCodes.INVALID_INPUT, label + " must be " + refused.accepted() + ", got " + got, Map.of(), refused);
    }
}
