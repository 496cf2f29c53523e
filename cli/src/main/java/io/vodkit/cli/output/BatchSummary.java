package io.vodkit.cli.output;

import java.time.Duration;
import java.util.Locale;

/**
 * The stderr line closing {@code vodkit upload}: how many sources went up, were skipped (already uploaded), failed
 * or are still running (URL pulls past the poll limit), and the bytes of local files sent, with the time taken.
 */
public record BatchSummary(int uploaded, int skipped, int failed, int stillRunning, long bytesSent, Duration elapsed) {
    private static final double MIB = 1024.0 * 1024.0;

    public String describe() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        String running = stillRunning == 0 ? "" : ", " + stillRunning + " still running";
        return String.format(
                Locale.ROOT,
                "vodkit: %d uploaded, %d skipped, %d failed%s; %.1f MiB sent in %.1f s " + "(%.1f MiB/s)",
                uploaded,
                skipped,
                failed,
                running,
                bytesSent / MIB,
                seconds,
                bytesSent / MIB / seconds);
    }
}
