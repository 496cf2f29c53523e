package io.vodkit.bench;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.media.ReferenceScore;
import io.vodkit.emulator.restore.DegradedClips;
import io.vodkit.emulator.restore.PlannedStep;
import io.vodkit.emulator.restore.RestoreReport;
import io.vodkit.emulator.restore.Restorer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The restoration benchmark: generates a clean clip, degrades it in known ways, restores each degradation with
 * each relevant template and tier, and prints a Markdown table of PSNR and SSIM before → after and the speed.
 *
 * <p>Usage: {@code RestoreBench [--runs N] [--seconds S] [--out DIR] [--only TEXT]}. Timing columns are medians
 * over the runs.
 */
public final class RestoreBench {

    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(10);

    private final DegradedClips clips;
    private final Restorer restorer;
    private final PrintStream progress;

    RestoreBench(FfmpegTools tools, PrintStream progress) {
        ProcessRunner runner = new ProcessRunner(PROCESS_TIMEOUT);
        this.clips = new DegradedClips(tools, runner);
        this.restorer = new Restorer(tools, runner);
        this.progress = progress;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("restore bench: " + e.getMessage());
            err.println("usage: restore [--runs N] [--seconds S] [--out DIR] [--only TEXT]");
            return 2;
        }
        FfmpegTools tools = FfmpegTools.locate(null).orElse(null);
        if (tools == null) {
            err.println("restore bench: ffmpeg and ffprobe must be on PATH");
            return 1;
        }
        try {
            Path work = Files.createDirectories(options.out().resolve("work"));
            String table = new RestoreBench(tools, err).measure(work, options);
            out.print(table);
            Files.writeString(options.out().resolve("latest.md"), table);
            return 0;
        } catch (MediaException | IOException e) {
            err.println("restore bench failed: " + e.getMessage());
            return 1;
        }
    }

    String measure(Path work, BenchOptions options) throws MediaException {
        long start = System.nanoTime();
        progress.println("generating clips in " + work);
        List<BenchCase> cases = BenchCases.generate(clips, work, options.seconds(), options.only());
        Map<Path, double[]> before = new HashMap<>();
        List<BenchRow> rows = new ArrayList<>();
        int index = 0;
        for (BenchCase benchCase : cases) {
            index++;
            progress.printf(
                    Locale.ROOT,
                    "[%d/%d] %s, %s %s%n",
                    index,
                    cases.size(),
                    benchCase.degradation(),
                    benchCase.spec().config(),
                    benchCase.tier());
            double[] baseline = before.get(benchCase.degraded());
            if (baseline == null) {
                ReferenceScore score = clips.score(benchCase.degraded(), benchCase.reference());
                baseline = new double[] {score.psnr().y(), score.ssim().all()};
                before.put(benchCase.degraded(), baseline);
            }
            rows.add(restore(benchCase, work.resolve("restored-" + index + ".mp4"), options.runs(), baseline));
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        return MarkdownTable.render(rows, options, minutes);
    }

    private BenchRow restore(BenchCase benchCase, Path output, int runs, double[] baseline) throws MediaException {
        List<Double> fps = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        RestoreReport report = null;
        for (int run = 0; run < runs; run++) {
            double cpuStart = CpuClock.seconds();
            report = restorer.restore(benchCase.degraded(), output, benchCase.spec());
            cpu.add(CpuClock.seconds() - cpuStart);
            fps.add(report.framesPerSecond());
            seconds.add(report.elapsedSeconds());
        }
        String chain = report.steps().isEmpty()
                ? "(none)"
                : report.steps().stream().map(PlannedStep::filter).collect(Collectors.joining(", "));
        double videoSeconds =
                report.after().fps() > 0 ? report.frames() / report.after().fps() : 0;
        ReferenceScore after = clips.score(output, benchCase.reference());
        return new BenchRow(
                benchCase,
                baseline[0],
                after.psnr().y(),
                baseline[1],
                after.ssim().all(),
                Medians.of(fps),
                Medians.of(seconds),
                Medians.of(cpu),
                videoSeconds,
                report.frames(),
                report.sizeRatio(),
                report.leftAsIs() != null,
                chain);
    }
}
