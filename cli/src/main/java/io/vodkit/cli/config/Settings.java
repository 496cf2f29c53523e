package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.api.StartExecution;
import io.vodkit.client.http.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resolved settings of one run: each from its flag, else the environment, else {@code .env} in the working
 * directory, else its default. Values are validated here, once, with errors that name the setting.
 */
public record Settings(Optional<String> accessKey, Optional<String> secretKey, Optional<String> spaceName,
                       Optional<URI> endpoint, String region, Duration pollInterval, int pollMax,
                       Duration urlExpiry, Optional<String> playDomain, Path home, Optional<Path> ffmpeg,
                       String enhanceVersion, Duration requestTimeout, int maxAttempts, Duration idleTime) {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://vod.byteplusapi.com");
    public static final String DEFAULT_REGION = "ap-singapore-1";
    /** StartExecution/GetExecution version ({@code VOD_ENHANCE_VERSION}); it has drifted between releases. */
    public static final String DEFAULT_ENHANCE_VERSION = StartExecution.DEFAULT_VERSION;

    /** How long the background emulator serves without requests or running jobs before it stops. */
    public static final int DEFAULT_IDLE_MINUTES = 30;

    /** Resolves settings; {@code flags} holds the values given on the command line under the variable names. */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env, Path workingDir) {
        Map<String, String> merged = new HashMap<>(DotEnv.load(workingDir.resolve(".env")));
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        Lookup in = new Lookup(merged);
        Optional<KeyPair> keys = KeyPair.find(in::get);
        Path home = in.get("VODKIT_HOME").map(Path::of)
                .orElseGet(() -> Path.of(in.get("HOME").orElse(System.getProperty("user.home")), ".vodkit"));
        return new Settings(
                keys.map(KeyPair::accessKey),
                keys.map(KeyPair::secretKey),
                in.get("VOD_SPACE_NAME"),
                in.get("VOD_ENDPOINT").map(Settings::endpoint).or(() -> in.get("VOD_HOST").map(Settings::host)),
                in.get("VOD_REGION").orElse(DEFAULT_REGION),
                Duration.ofMillis(Math.round(in.positiveNumber("VOD_POLL_INTERVAL", 5) * 1000)),
                (int) in.positiveWhole("VOD_POLL_MAX", 360),
                Duration.ofMinutes(in.positiveWhole("VOD_URL_EXPIRE_MINUTES", 60)),
                in.get("VOD_PLAY_DOMAIN"),
                home.toAbsolutePath(),
                in.get("VODKIT_FFMPEG").map(Path::of),
                in.get("VOD_ENHANCE_VERSION").orElse(DEFAULT_ENHANCE_VERSION),
                Duration.ofMillis(Math.round(in.positiveNumber("VOD_REQUEST_TIMEOUT",
                        VodClientConfig.DEFAULT_REQUEST_TIMEOUT.toSeconds()) * 1000)),
                (int) in.positiveWhole("VOD_MAX_ATTEMPTS", RetryPolicy.defaults().maxAttempts()),
                Duration.ofMillis(Math.round(in.positiveNumber("VODKIT_IDLE_MINUTES", DEFAULT_IDLE_MINUTES) * 60_000)));
    }

    /** Credentials are complete, so the cloud (or the endpoint given) is used rather than the local emulator. */
    public boolean hasCredentials() {
        return accessKey.isPresent() && secretKey.isPresent();
    }

    /** Where the local emulator keeps its data. */
    public Path localDataDir() {
        return home.resolve("local");
    }

    private static URI endpoint(String value) {
        String withScheme = value.contains("://") ? value : "https://" + value;
        try {
            URI uri = URI.create(withScheme.endsWith("/") ? withScheme.substring(0, withScheme.length() - 1)
                    : withScheme);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("VOD_ENDPOINT '" + value + "' is not a valid http(s) URL");
        }
    }

    /** {@code VOD_HOST}, as the official skill has it: {@code host[:port]}, always https. */
    private static URI host(String value) {
        if (!value.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            throw CliException.invalidInput("VOD_HOST must be host[:port] (https is used), got '" + value
                    + "'; set VOD_ENDPOINT for a full URL");
        }
        return URI.create("https://" + value);
    }

    private record Lookup(Map<String, String> values) {
        Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        double positiveNumber(String name, double fallback) {
            return positive(name, fallback, Double::parseDouble, "number").doubleValue();
        }

        long positiveWhole(String name, long fallback) {
            return positive(name, fallback, Long::parseLong, "whole number").longValue();
        }

        private Number positive(String name, Number fallback, Function<String, Number> parse, String kind) {
            Optional<String> raw = get(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                Number value = parse.apply(raw.get());
                if (value.doubleValue() > 0 && Double.isFinite(value.doubleValue())) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw CliException.invalidInput(name + " must be a positive " + kind + ", got '" + raw.get() + "'");
        }
    }
}
