package io.vodkit.client.jobs;

import io.vodkit.client.limits.Limits;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How long to wait for a job: at most {@code maxAttempts} queries, {@code interval} apart (the first at once).
 *
 * @param interval    pause between two queries ({@code VOD_POLL_INTERVAL}, default 5 s), within
 *                    {@link Limits#POLL_INTERVAL}
 * @param maxAttempts queries before giving up ({@code VOD_POLL_MAX}, default 360), within {@link Limits#POLL_MAX}
 */
public record PollConfig(Duration interval, int maxAttempts) {

    public static final PollConfig DEFAULT = new PollConfig(Duration.ofSeconds(5), 360);

    public PollConfig {
        Objects.requireNonNull(interval, "interval == null");
        Limits.POLL_INTERVAL.check(interval);
        Limits.POLL_MAX.check((long) maxAttempts);
    }

    /**
     * How a wait that ran out reads in a time-out message: {@code "after 30.4 s (6 polls, 5 s apart)"}, with the time
     * measured ({@link PollOutcome#waited()}), which slow or retried queries make longer than the pauses alone.
     */
    public String describeWait(Duration waited, int polls) {
        return "after " + readable(waited) + " (" + polls + (polls == 1 ? " poll" : " polls") + ", "
                + readable(interval) + " apart)";
    }

    /** {@code 0.2 s}, {@code 5 s}, {@code 42.5 s}, {@code 30 min 5 s}, {@code 2 h 0 min}. */
    static String readable(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        double exact = duration.toMillis() / 1000.0;
        String text =
                exact < 10 ? String.format(Locale.ROOT, "%.2f", exact) : String.format(Locale.ROOT, "%.1f", exact);
        return text.replaceAll("\\.?0+$", "") + " s";
    }
}
