package io.vodkit.cli.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags shared by every command that talks to the service; each overrides its environment variable. */
public final class ServiceOptions {
    @Option(names = "--endpoint", paramLabel = "URL", description = "OpenAPI endpoint (VOD_ENDPOINT).")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "Signing region (VOD_REGION).")
    String region;

    @Option(names = "--play-domain", paramLabel = "DOMAIN", description = "Play domain for URLs (VOD_PLAY_DOMAIN).")
    String playDomain;

    @Option(names = "--home", paramLabel = "DIR", description = "vodkit's own data folder (VODKIT_HOME).")
    String home;

    /** The flags given, under the names of the variables they override. */
    public Map<String, String> asSettings() {
        Map<String, String> flags = new HashMap<>();
        flags.put("VOD_ENDPOINT", endpoint);
        flags.put("VOD_REGION", region);
        flags.put("VOD_PLAY_DOMAIN", playDomain);
        flags.put("VODKIT_HOME", home);
        return flags;
    }

    /** The flags given, as command-line words ({@code --endpoint URL …}), to repeat them in a follow-up command. */
    public List<String> asArguments() {
        List<String> words = new ArrayList<>();
        add(words, "--endpoint", endpoint);
        add(words, "--region", region);
        add(words, "--play-domain", playDomain);
        add(words, "--home", home);
        return words;
    }

    private static void add(List<String> words, String flag, String value) {
        if (value != null) {
            words.add(flag);
            words.add(value);
        }
    }
}
