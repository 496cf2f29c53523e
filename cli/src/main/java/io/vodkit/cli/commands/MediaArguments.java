package io.vodkit.cli.commands;

import io.vodkit.cli.CliException;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.api.MediaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Media named on a command line: {@code vid://VID} or a bare Vid, {@code directurl://FILENAME}. */
final class MediaArguments {
    private static final Pattern VID = Pattern.compile("[A-Za-z0-9_-]+");

    private MediaArguments() {}

    /** Each argument as a Vid; anything else is invalid input. */
    static List<String> vids(List<String> arguments) {
        List<String> vids = new ArrayList<>();
        for (String argument : arguments) {
            MediaSource source = MediaSource.parse(argument);
            if (source.prefixType().filter(type -> !type.equals(MediaInput.VID)).isPresent()) {
                throw CliException.invalidInput("'" + argument + "' is not a Vid; give VID or vid://VID");
            }
            vids.add(vid(argument, source));
        }
        return vids;
    }

    /** The Vid of {@code vid://VID} or a bare Vid; invalid input when it is none. */
    static String vid(String argument, MediaSource source) {
        if (!VID.matcher(source.value()).matches()) {
            throw CliException.invalidInput(
                    "'" + argument + "' is not a Vid (letters, digits, '_' and '-'); give " + "VID or vid://VID");
        }
        return source.value();
    }

    /** The FileName of {@code directurl://FILENAME}, or empty when {@code source} names no file. */
    static Optional<String> fileName(String argument, MediaSource source) {
        if (!source.prefixType().filter(MediaInput.DIRECT_URL::equals).isPresent()) {
            return Optional.empty();
        }
        if (source.value().isEmpty()) {
            throw CliException.invalidInput("'" + argument + "' names no file; give directurl://FILENAME");
        }
        return Optional.of(source.value());
    }
}
