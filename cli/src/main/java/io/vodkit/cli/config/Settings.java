package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.enhance.Enhancer;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limit;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.url.PlayUrlConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The resolved settings of one run: each from its flag, else the environment, else {@code .env} in the working
 * directory, else its default. Values are validated here, once, with errors that name the setting; what the client
 * takes as one object per concern is one here too ({@link #poll()}: {@code VOD_POLL_INTERVAL}, {@code VOD_POLL_MAX};
 * {@link #playUrls()}: {@code VOD_PLAY_DOMAIN}, {@code VOD_URL_EXPIRE_MINUTES}).
 */
public record Settings(
        Optional<String> accessKey,
        Optional<String> secretKey,
        Optional<String> spaceName,
        Optional<URI> endpoint,
        String region,
        PollConfig poll,
        PlayUrlConfig playUrls,
        Path home,
        Optional<Path> ffmpeg,
        String enhanceVersion,
        Duration requestTimeout,
        int maxAttempts,
        Duration idleTime) {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://vod.byteplusapi.com");
    public static final String DEFAULT_REGION = "ap-singapore-1";
    /** StartExecution/GetExecution version ({@code VOD_ENHANCE_VERSION}); it has drifted between releases. */
    public static final String DEFAULT_ENHANCE_VERSION = Enhancer.DEFAULT_VERSION;

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
        Lookup in = new Lookup(merged, flags);
        Optional<KeyPair> keys = KeyPair.find(in::get);
        Path home = in.get("VODKIT_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of(in.get("HOME").orElse(System.getProperty("user.home")), ".vodkit"));
        return new Settings(
                keys.map(KeyPair::accessKey),
                keys.map(KeyPair::secretKey),
                in.get("VOD_SPACE_NAME"),
                in.get("VOD_ENDPOINT")
                        .map(value -> in.checked("VOD_ENDPOINT", () -> endpoint(value)))
                        .or(() -> in.get("VOD_HOST").map(Settings::host)),
                in.checked(
                        "VOD_REGION",
                        () -> Limits.REGION.check(in.get("VOD_REGION").orElse(DEFAULT_REGION))),
                new PollConfig(in.duration("VOD_POLL_INTERVAL", ChronoUnit.SECONDS, 5, Limits.POLL_INTERVAL), (int)
                        in.whole("VOD_POLL_MAX", 360, Limits.POLL_MAX)),
                new PlayUrlConfig(
                        in.get("VOD_PLAY_DOMAIN").orElse(null),
                        in.duration("VOD_URL_EXPIRE_MINUTES", ChronoUnit.MINUTES, 60, Limits.URL_EXPIRY)),
                home.toAbsolutePath(),
                in.get("VODKIT_FFMPEG").map(Path::of),
                in.get("VOD_ENHANCE_VERSION").orElse(DEFAULT_ENHANCE_VERSION),
                in.duration(
                        "VOD_REQUEST_TIMEOUT",
                        ChronoUnit.SECONDS,
                        VodClientConfig.DEFAULT_REQUEST_TIMEOUT.toSeconds(),
                        Limits.REQUEST_TIMEOUT),
                (int) in.whole("VOD_MAX_ATTEMPTS", RetryPolicy.defaults().maxAttempts(), Limits.MAX_ATTEMPTS),
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

    /** {@code host}, {@code host:port} or an http(s) URL (a trailing {@code /} dropped), within the client's rule. */
    private static URI endpoint(String value) {
        String withScheme = value.contains("://") ? value : "https://" + value;
        URI uri;
        try {
            uri = URI.create(withScheme.endsWith("/") ? withScheme.substring(0, withScheme.length() - 1) : withScheme);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(Limits.ENDPOINT.name(), Limits.ENDPOINT.accepted(), "'" + value + "'");
        }
        return Limits.ENDPOINT.check(uri);
    }

    /** {@code VOD_HOST}, as the official skill has it: {@code host[:port]}, always https. */
    private static URI host(String value) {
        if (!value.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            throw CliException.invalidInput("VOD_HOST must be host[:port] (https is used), got '" + value
                    + "'; set VOD_ENDPOINT for a full URL");
        }
        return URI.create("https://" + value);
    }

    /** The merged values; {@code flags} tells which came from the command line, to name them by their flag. */
    private record Lookup(Map<String, String> values, Map<String, String> flags) {
        /** The flags that set variables, named as a refusal names them. */
        private static final Map<String, String> FLAG_NAMES = Map.of(
                "VOD_ENDPOINT",
                "--endpoint",
                "VOD_REGION",
                "--region",
                "VOD_POLL_INTERVAL",
                "--poll-interval",
                "VOD_POLL_MAX",
                "--poll-max");

        Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        /** {@code check}; a value outside the client's limits is invalid input naming its flag or variable. */
        <T> T checked(String name, Supplier<T> check) {
            return UserValues.check(label(name), get(name).orElse(null), check);
        }

        /** A number of {@code unit}s (fractions to the millisecond) within {@code limit}; absent: {@code fallback}. */
        Duration duration(String name, ChronoUnit unit, double fallback, Limit<Duration> limit) {
            double amount =
                    get(name).map(raw -> parsed(name, limit, Double::valueOf)).orElse(fallback);
            // Math.round saturates (and gives 0 for NaN), so any number typed becomes a Duration the limit judges
            Duration value =
                    Duration.ofMillis(Math.round(amount * unit.getDuration().toMillis()));
            return checked(name, () -> limit.check(value));
        }

        /** A whole number within {@code limit}; absent: {@code fallback}. */
        long whole(String name, long fallback, Limit<Long> limit) {
            long value =
                    get(name).map(raw -> parsed(name, limit, Long::valueOf)).orElse(fallback);
            return checked(name, () -> limit.check(value));
        }

        private <N extends Number> N parsed(String name, Limit<?> limit, Function<String, N> parse) {
            return checked(name, () -> {
                try {
                    return parse.apply(get(name).orElseThrow());
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(limit.name(), limit.accepted(), "not a number");
                }
            });
        }

        /** A positive number (no service limit applies, e.g. {@code VODKIT_IDLE_MINUTES}); absent: {@code fallback}. */
        double positiveNumber(String name, double fallback) {
            Optional<String> raw = get(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                double value = Double.parseDouble(raw.get());
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw CliException.invalidInput(label(name) + " must be a positive number, got '" + raw.get() + "'");
        }

        private String label(String name) {
            return flags.get(name) != null ? FLAG_NAMES.getOrDefault(name, name) : name;
        }
    }
}
