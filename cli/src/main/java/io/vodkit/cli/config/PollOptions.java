package io.vodkit.cli.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a command that waits for a job polls it; each flag overrides its environment variable. */
public final class PollOptions {
    @Option(
            names = "--poll-interval",
            paramLabel = "SECONDS",
            description = "Seconds between two polls (VOD_POLL_INTERVAL; default 5).")
    String interval;

    @Option(
            names = "--poll-max",
            paramLabel = "N",
            description = "Polls before giving up with a resume hint (VOD_POLL_MAX; default 360).")
    String max;

    /** {@code service} and these flags, under the names of the variables they override. */
    public Map<String, String> asSettings(ServiceOptions service) {
        Map<String, String> flags = new HashMap<>(service.asSettings());
        flags.put("VOD_POLL_INTERVAL", interval);
        flags.put("VOD_POLL_MAX", max);
        return flags;
    }

    /** {@code service}'s flags and these, as command-line words, to repeat them in a resume command. */
    public List<String> asArguments(ServiceOptions service) {
        List<String> words = new ArrayList<>(service.asArguments());
        if (interval != null) {
            words.addAll(List.of("--poll-interval", interval));
        }
        if (max != null) {
            words.addAll(List.of("--poll-max", max));
        }
        return words;
    }
}
