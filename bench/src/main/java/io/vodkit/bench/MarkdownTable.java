package io.vodkit.bench;

import java.util.List;
import java.util.Locale;

/** Renders bench rows as a Markdown table. */
final class MarkdownTable {

    private MarkdownTable() {}

    static String render(List<BenchRow> rows, BenchOptions options, double minutes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Clips %.0f s, %d×%d testsrc2 (720p for the upscale row); timings are medians of %d runs; "
                        + "whole bench %.1f min.%n%n",
                options.seconds(),
                BenchCases.WIDTH,
                BenchCases.HEIGHT,
                options.runs(),
                minutes));
        out.append(
                "| degradation | config | tier | Y-PSNR before → after (dB) | Δ dB | SSIM before → after | rule "
                        + "| out/in size | fps | job s | CPU s | job fps (CPU, 2 cores) | × real time (CPU, 2 cores) | steps |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchRow row : rows) {
            BenchCase c = row.benchCase();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.2f → %.2f | %+.2f | %.4f → %.4f | %s | %.2f× | %.0f | %.2f | %.2f | %.1f | %.2f | %s |%n",
                    c.degradation(),
                    c.spec().config(),
                    c.tier(),
                    row.psnrBefore(),
                    row.psnrAfter(),
                    row.psnrGain(),
                    row.ssimBefore(),
                    row.ssimAfter(),
                    row.verdict(),
                    row.sizeRatio(),
                    row.medianFps(),
                    row.medianJobSeconds(),
                    row.medianCpuSeconds(),
                    row.framesPerSecondByCpu(),
                    row.realTimeByCpu(),
                    row.chain().replace("|", "\\|")));
        }
        return out.toString();
    }
}
