package io.vodkit.cli.output;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The desktop's opener of web addresses: {@code open} on macOS, {@code rundll32} on Windows, else {@code xdg-open}. */
public final class Browser {
    private Browser() {}

    /** Hands {@code url} to the opener; a machine without one gets a notice, not a failure. */
    public static void open(URI url, Consumer<String> notices) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac")
                ? List.of("open", url.toString())
                : os.contains("win")
                        ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                        : List.of("xdg-open", url.toString());
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            notices.accept("cannot open a browser (" + command.get(0) + ": " + e.getMessage()
                    + "); open the url above yourself");
        }
    }
}
