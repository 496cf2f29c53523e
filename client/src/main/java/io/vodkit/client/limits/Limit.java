package io.vodkit.client.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One rule the service applies to one value, checked before any request: its name, the accepted range in words, and
 * a test that tells what is wrong with a value. {@code null} means "not set" and always passes. The named rules are
 * in {@link Limits}; new ones are made with the factories here, e.g. {@code Limit.maxChars("description", 256)}.
 *
 * @param <T> the type of the value checked
 */
public final class Limit<T> {

    private final String name;
    private final String accepted;
    private final Function<? super T, Optional<String>> problem;

    /**
     * @param name     the value's name in the client API (the request field), e.g. {@code title}
     * @param accepted what the service accepts, completing "NAME must be …", e.g. {@code at most 512 characters}
     * @param problem  for a value outside the range, how it was refused (completing "…, got …"); empty when accepted
     */
    public Limit(String name, String accepted, Function<? super T, Optional<String>> problem) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.accepted = Objects.requireNonNull(accepted, "accepted == null");
        this.problem = Objects.requireNonNull(problem, "problem == null");
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    public static Limit<Long> between(String name, long min, long max) {
        return new Limit<>(
                name,
                min + " to " + max,
                value -> value < min || value > max ? Optional.of(Long.toString(value)) : Optional.empty());
    }

    /** Sizes from {@code min} to {@code max} bytes, both included, stated in binary units. */
    public static Limit<Long> bytesBetween(String name, long min, long max) {
        return new Limit<>(
                name,
                ByteCounts.describe(min) + " to " + ByteCounts.describe(max),
                value -> value < min || value > max ? Optional.of(ByteCounts.describe(value)) : Optional.empty());
    }

    /** Text of at most {@code max} characters (Unicode code points, as a person counts them). */
    public static Limit<String> maxChars(String name, int max) {
        return new Limit<>(name, "at most " + max + " characters", value -> {
            int chars = value.codePointCount(0, value.length());
            return chars > max ? Optional.of(chars + " characters") : Optional.empty();
        });
    }

    /** Text of at most {@code max} bytes in UTF-8. */
    public static Limit<String> maxUtf8Bytes(String name, int max) {
        return new Limit<>(name, "at most " + max + " bytes (UTF-8)", value -> {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            return bytes > max ? Optional.of(bytes + " bytes") : Optional.empty();
        });
    }

    /** One of {@code accepted}, compared ignoring case; the refusal quotes the value. */
    public static Limit<String> oneOf(String name, List<String> accepted) {
        String words = accepted.size() == 1
                ? accepted.get(0)
                : String.join(", ", accepted.subList(0, accepted.size() - 1)) + " or "
                        + accepted.get(accepted.size() - 1);
        return new Limit<>(
                name,
                words,
                value -> accepted.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip()))
                        ? Optional.empty()
                        : Optional.of("'" + value + "'"));
    }

    /** Durations from {@code min} to {@code max}, stated in {@code unit} (seconds or minutes). */
    public static Limit<Duration> durationBetween(String name, Duration min, Duration max, ChronoUnit unit) {
        String unitName = unit.name().toLowerCase(Locale.ROOT);
        return new Limit<>(
                name,
                inUnit(min, unit) + " to " + inUnit(max, unit) + " " + unitName,
                value -> value.compareTo(min) < 0 || value.compareTo(max) > 0
                        ? Optional.of(inUnit(value, unit) + " " + unitName)
                        : Optional.empty());
    }

    /**
     * Returns {@code value} when it is accepted or {@code null}.
     *
     * @throws InvalidValueException naming this rule otherwise
     */
    public T check(T value) {
        if (value != null) {
            Optional<String> refused = problem.apply(value);
            if (refused.isPresent()) {
                throw new InvalidValueException(name, accepted, refused.get());
            }
        }
        return value;
    }

    /** This rule where it applies only in a case, e.g. {@code maxChars("title", 128).when("for a URL")}. */
    public Limit<T> when(String condition) {
        return new Limit<>(name, accepted + " " + condition, problem);
    }

    /** The value's name in the client API. */
    public String name() {
        return name;
    }

    /** The accepted range, in words. */
    public String accepted() {
        return accepted;
    }

    @Override
    public String toString() {
        return name + " must be " + accepted;
    }

    private static String inUnit(Duration duration, ChronoUnit unit) {
        BigDecimal value = BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9))
                .divide(BigDecimal.valueOf(unit.getDuration().toSeconds()), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.toPlainString();
    }
}
