package io.vodkit.bench.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./vodkit upload FILE} through the real launcher, as a user runs it (its JVM flags, its JIT choice and its
 * class-data archive), timed by GNU time: the wall time around the launcher, and the user + system CPU and peak RSS
 * of the process (the launcher ends by exec'ing java, so those are the JVM's). stdout and stderr go to
 * {@code <label>.out} and {@code <label>.log} in the log folder.
 */
final class LauncherUpload {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final long TIMEOUT_MINUTES = 10;

    /** What the run reported, and the lines it printed. */
    record Result(RunReport report, List<String> stdout) {}

    private LauncherUpload() {}

    static Result run(ChildJvm jvm, String label, Map<String, String> env, Path file)
            throws IOException, InterruptedException {
        Path logDir = jvm.logDir();
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IOException(
                    "the 1 GiB floor times the launcher with GNU time: install it (apt-get install time)");
        }
        Path times = logDir.resolve(label + ".time");
        Path out = logDir.resolve(label + ".out");
        ProcessBuilder builder = new ProcessBuilder(
                        GNU_TIME.toString(),
                        "-f",
                        "%U %S %M",
                        "-o",
                        times.toString(),
                        jvm.launcher().toString(),
                        "upload",
                        file.toString())
                .redirectOutput(out.toFile())
                .redirectError(logDir.resolve(label + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(label + " did not end within " + TIMEOUT_MINUTES + " minutes");
        }
        double elapsedMs = (System.nanoTime() - start) / 1e6;
        List<String> printed = Files.readAllLines(out);
        if (process.exitValue() != 0 || printed.isEmpty()) {
            throw new IOException(
                    label + " failed (exit " + process.exitValue() + "); see " + logDir.resolve(label + ".log"));
        }
        String[] measured = Files.readString(times).strip().split("\\s+");
        double cpuSeconds =
                Double.parseDouble(measured[measured.length - 3]) + Double.parseDouble(measured[measured.length - 2]);
        long peakRssKib = Long.parseLong(measured[measured.length - 1]);
        return new Result(new RunReport(elapsedMs, peakRssKib, cpuSeconds), printed);
    }
}
