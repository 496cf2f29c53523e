package io.vodkit.bench.upload;

import io.vodkit.bench.CpuClock;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one uploader child reports on its last stdout line:
 * {@code RESULT elapsedMs=<ms> peakRssKib=<KiB> cpuSeconds=<s>}, the elapsed time covering client set-up through
 * commit, its own {@code VmHWM} and its CPU time (user + system of all its threads, JVM start-up, JIT and GC
 * included, from {@code /proc/self/stat}) read just before exiting.
 *
 * @param elapsedMs  wall time of the upload
 * @param peakRssKib peak resident set of the child JVM
 * @param cpuSeconds CPU time of the child JVM
 */
record RunReport(double elapsedMs, long peakRssKib, double cpuSeconds) {

    static final String PREFIX = "RESULT ";

    /** Prints this child's report for an upload that started at {@code startNanos}. */
    static void print(long startNanos) {
        double elapsedMs = (System.nanoTime() - startNanos) / 1e6;
        OptionalLong hwm = PeakRss.highWaterKib(ProcessHandle.current().pid());
        System.out.println(new RunReport(elapsedMs, hwm.orElse(-1), CpuClock.seconds()).line());
        System.out.flush();
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%selapsedMs=%.1f peakRssKib=%d cpuSeconds=%.2f",
                PREFIX,
                elapsedMs,
                peakRssKib,
                cpuSeconds);
    }

    static RunReport parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new RunReport(
                Double.parseDouble(fields.get("elapsedMs")),
                Long.parseLong(fields.get("peakRssKib")),
                Double.parseDouble(fields.get("cpuSeconds")));
    }
}
