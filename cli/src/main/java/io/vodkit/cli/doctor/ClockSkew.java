package io.vodkit.cli.doctor;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the local clock is from the server's ({@code Date} header). The service refuses requests whose
 * {@code X-Date} is more than {@link #REFUSED} off; a skew over {@link #WARNING} is reported as a warning.
 */
public record ClockSkew(Duration serverMinusLocal) {
    public static final Duration REFUSED = Duration.ofMinutes(15);
    public static final Duration WARNING = Duration.ofMinutes(2);

    public static ClockSkew between(Instant local, Instant server) {
        return new ClockSkew(Duration.between(local, server));
    }

    public Check check() {
        Duration size = serverMinusLocal.abs();
        String direction = serverMinusLocal.isNegative() ? "ahead of" : "behind";
        String off = "the local clock is " + describe(size) + " " + direction + " the server's";
        if (size.compareTo(REFUSED) > 0) {
            return Check.fail(
                    "clock",
                    off + "; the service refuses requests signed more than 15 min off: " + "set the clock right (NTP)");
        }
        if (size.compareTo(WARNING) > 0) {
            return Check.pass(
                    "clock",
                    "warning: " + off + "; requests are refused beyond 15 min: set the clock " + "right (NTP)");
        }
        return Check.pass("clock", off);
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() > 0
                ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : duration.toSeconds() + " s";
    }
}
