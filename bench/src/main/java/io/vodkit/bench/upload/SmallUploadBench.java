package io.vodkit.bench.upload;

import io.vodkit.bench.Medians;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Small-file latency of the real CLI: {@code ./vodkit upload} of a fresh 100 KB file (new bytes every run, so the
 * ledger never skips it), through the launcher with its flags and class-data-sharing archive, median of
 * {@value #RUNS} runs, wall and CPU (user + system of the launched process, from bash's {@code times}), in two
 * settings: against a running emulator ({@code vodkit serve} in another process, credentials and {@code VOD_ENDPOINT}
 * pointed at it) and the embedded default once its background emulator runs (the first command starts it, untimed;
 * the timed ones join it). The JVM-start floor, {@code java -version} of the same JDK, is measured in the same run
 * and every row is also given as a multiple of it. Each setting has two untimed uploads first: when the launcher has
 * no archive for {@code upload}, the first records the classes it loads and the second dumps the archive.
 *
 * <p>Usage: {@code SmallUploadBench [--runs N] [--out DIR]}; {@link UploadBench} appends its table too.
 */
final class SmallUploadBench {

    static final int RUNS = 10;
    static final int FILE_BYTES = 100 * 1024;
    /** Issue 17's bounds for a 100 KB upload (medians). */
    static final double WALL_BOUND_S = 0.6;

    static final double CPU_BOUND_S = 0.8;
    /** The children's second line of bash's {@code times}: user and system time of the waited-for children. */
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    /** One timed run: wall seconds and CPU seconds (user + system) of the command. */
    record Timing(double wallSeconds, double cpuSeconds) {}

    /** A table row: what ran and its timings. */
    record Row(String what, List<Timing> runs) {
        double wall() {
            return Medians.of(runs.stream().map(Timing::wallSeconds).toList());
        }

        double cpu() {
            return Medians.of(runs.stream().map(Timing::cpuSeconds).toList());
        }
    }

    private final ChildJvm jvm;
    private final Path work;
    private final int runs;
    private final PrintStream progress;
    private final SplittableRandom random = new SplittableRandom(100);
    private int files;

    private SmallUploadBench(ChildJvm jvm, Path work, int runs, PrintStream progress) {
        this.jvm = jvm;
        this.work = work;
        this.runs = runs;
        this.progress = progress;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = RUNS;
        Path out = Path.of("bench-results");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: SmallUploadBench [--runs N] [--out DIR]");
            }
        }
        Path work = Files.createTempDirectory("vodkit-small-upload-bench");
        try {
            ChildJvm jvm = new ChildJvm(Files.createDirectories(out.resolve("upload-logs")));
            String table = measure(jvm, work, runs, System.err);
            System.out.print(table);
            Files.writeString(out.resolve("small-upload-latest.md"), table);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Runs the three rows ({@value #RUNS} runs each) and renders their table. */
    static String measure(ChildJvm jvm, Path work, PrintStream progress) throws IOException, InterruptedException {
        return measure(jvm, work, RUNS, progress);
    }

    static String measure(ChildJvm jvm, Path work, int runs, PrintStream progress)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("small"));
        SmallUploadBench bench = new SmallUploadBench(jvm, dir, runs, progress);
        List<Row> rows = List.of(bench.jvmStart(), bench.againstServe(), bench.embeddedJoined());
        return render(rows, runs);
    }

    private Row jvmStart() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        List<Timing> timings = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            timings.add(timed(
                    "small-java-version",
                    env,
                    List.of(jvm.javaHome().resolve("bin/java").toString(), "-version"),
                    false));
        }
        return new Row("JVM start floor: `java -version`", timings);
    }

    private Row againstServe() throws IOException, InterruptedException {
        Path data = work.resolve("serve");
        try (EmulatorChild emulator = EmulatorChild.start(jvm, "small-emulator", data, Link.LOOPBACK)) {
            Target target = emulator.target(data);
            Path home = work.resolve("home-serve");
            Map<String, String> env = jvm.launcherEnvironment(home);
            env.putAll(target.cliEnvironment(home));
            return new Row("`vodkit upload` 100 KB, running `vodkit serve`", uploads("small-serve", env));
        }
    }

    private Row embeddedJoined() throws IOException, InterruptedException {
        Map<String, String> env = jvm.launcherEnvironment(work.resolve("home-embedded"));
        try {
            // the first upload starts the background emulator (and may record the launcher's archive): untimed
            return new Row(
                    "`vodkit upload` 100 KB, embedded default joining its background emulator",
                    uploads("small-embedded", env));
        } finally {
            timed("small-embedded-stop", env, List.of(jvm.launcher().toString(), "serve", "--stop"), false);
        }
    }

    /** Two untimed uploads, then {@code runs} timed ones. */
    private List<Timing> uploads(String label, Map<String, String> env) throws IOException, InterruptedException {
        for (int warmUp = 1; warmUp <= 2; warmUp++) {
            timed(
                    label + "-warm-up-" + warmUp,
                    env,
                    List.of(jvm.launcher().toString(), "upload", freshFile().toString()),
                    true);
        }
        List<Timing> timings = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Timing timing = timed(
                    label,
                    env,
                    List.of(jvm.launcher().toString(), "upload", freshFile().toString()),
                    true);
            progress.printf(
                    Locale.ROOT,
                    "%-40s %6.2f s wall %6.2f s CPU%n",
                    label + "-" + run,
                    timing.wallSeconds(),
                    timing.cpuSeconds());
            timings.add(timing);
        }
        return timings;
    }

    private Path freshFile() throws IOException {
        byte[] bytes = new byte[FILE_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return Files.write(work.resolve("small-" + ++files + ".mp4"), bytes);
    }

    /**
     * Runs {@code command} under bash, which writes its {@code times} when the command ends; stderr is appended to
     * {@code <label>.log} in the work folder. With {@code wantVid} the command must print a {@code "Vid"}.
     */
    private Timing timed(String label, Map<String, String> env, List<String> command, boolean wantVid)
            throws IOException, InterruptedException {
        Path times = work.resolve(label + ".times");
        Path out = work.resolve(label + ".out");
        List<String> line = new ArrayList<>(
                List.of("bash", "-c", "\"$@\"; status=$?; times > \"$0\"; exit $status", times.toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        work.resolve(label + ".log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(label + " did not end within 5 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String printed = Files.readString(out);
        if (process.exitValue() != 0 || (wantVid && !printed.contains("\"Vid\""))) {
            throw new IOException(label + " failed (exit " + process.exitValue() + "): " + printed.strip() + "; see "
                    + work.resolve(label + ".log"));
        }
        return new Timing(wall, childCpuSeconds(Files.readString(times)));
    }

    /** User + system seconds of the children from bash's {@code times} output (its second line). */
    static double childCpuSeconds(String times) {
        String[] lines = times.strip().split("\n");
        Matcher children = TIMES.matcher(lines[lines.length - 1]);
        if (lines.length != 2 || !children.matches()) {
            throw new IllegalArgumentException("not the output of bash's times: " + times);
        }
        return Integer.parseInt(children.group(1)) * 60
                + Double.parseDouble(children.group(2))
                + Integer.parseInt(children.group(3)) * 60
                + Double.parseDouble(children.group(4));
    }

    static String render(List<Row> rows, int runs) {
        Row floor = rows.get(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nSmall-file latency: medians of %d runs, a fresh %d KB file each; CPU ="
                        + " user + system of the launched process (the emulator's not included); bounds %.1f s wall, %.1f s"
                        + " CPU.%n%n",
                runs,
                FILE_BYTES / 1024,
                WALL_BOUND_S,
                CPU_BOUND_S));
        out.append("| what | wall s | CPU s | wall ÷ JVM start | CPU ÷ JVM start | within the bounds |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            String within = row == floor
                    ? "—"
                    : row.wall() <= WALL_BOUND_S && row.cpu() <= CPU_BOUND_S
                            ? "yes"
                            : String.format(
                                    Locale.ROOT,
                                    "no (%s)",
                                    row.wall() > WALL_BOUND_S && row.cpu() > CPU_BOUND_S
                                            ? "wall and CPU"
                                            : row.wall() > WALL_BOUND_S ? "wall" : "CPU");
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.1f× | %.1f× | %s |%n",
                    row.what(),
                    row.wall(),
                    row.cpu(),
                    row.wall() / floor.wall(),
                    row.cpu() / Math.max(floor.cpu(), 0.001),
                    within));
        }
        return out.toString();
    }
}
