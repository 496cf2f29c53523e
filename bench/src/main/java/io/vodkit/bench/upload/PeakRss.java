package io.vodkit.bench.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident-set figures of a live Linux process, from {@code /proc/<pid>/status}, in KiB. */
final class PeakRss {

    private PeakRss() {}

    /** {@code VmHWM}: the highest resident set size so far. */
    static OptionalLong highWaterKib(long pid) {
        return field(pid, "VmHWM:");
    }

    /** {@code VmRSS}: the resident set size now. */
    static OptionalLong currentKib(long pid) {
        return field(pid, "VmRSS:");
    }

    /** The value of a {@code "<name>   123 kB"} line of a {@code status} file's text. */
    static OptionalLong parse(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String digits = line.substring(name.length()).replace("kB", "").trim();
                return OptionalLong.of(Long.parseLong(digits));
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong field(long pid, String name) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")), name);
        } catch (IOException e) {
            return OptionalLong.empty(); // the process is gone
        }
    }
}
