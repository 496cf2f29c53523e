package io.vodkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process and of its children that have ended (ffmpeg, waited for by the restorer): user + system
 * from {@code /proc/self/stat} ({@code utime stime cutime cstime}). On a machine shared with other work, CPU time
 * says what a job costs where wall time does not.
 */
public final class CpuClock {
    /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    private CpuClock() {}

    /** Seconds of CPU used so far, or {@code NaN} where {@code /proc/self/stat} cannot be read. */
    public static double seconds() {
        return seconds(Path.of("/proc/self/stat"));
    }

    /** Seconds of CPU process {@code pid} (a live one) has used so far, or {@code NaN} where it cannot be read. */
    public static double seconds(long pid) {
        return seconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static double seconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state(3) ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
