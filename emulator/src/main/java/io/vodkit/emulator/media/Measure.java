package io.vodkit.emulator.media;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A no-reference measure as {@code vodkit compare} and the console print it: its name, unit and which way is
 * better, and how much of a change counts.
 *
 * @param tolerance changes smaller than this (absolute) are reported as "same"
 */
public record Measure(String name, String unit, String better, double tolerance, ToDoubleFunction<PictureMeasures> of) {

    public static final List<Measure> ALL = List.of(
            new Measure(
                    "blockiness",
                    "ffmpeg blockdetect score (clean ≈ 10, H.264 CRF 38 ≈ 50)",
                    "lower",
                    1.0,
                    PictureMeasures::blockiness),
            new Measure(
                    "noise",
                    "σ̂, 8-bit luma levels (Immerkær; texture adds ~1-2)",
                    "lower",
                    0.2,
                    PictureMeasures::noiseSigma),
            new Measure("blur", "edge width in pixels (ffmpeg blurdetect)", "lower", 0.1, PictureMeasures::blur),
            new Measure("banding", "% of pixels on false contours", "lower", 0.05, PictureMeasures::bandingPercent),
            new Measure(
                    "flicker", "% spread of mean luma between frames", "lower", 0.2, PictureMeasures::flickerPercent));

    public double value(PictureMeasures measures) {
        return of.applyAsDouble(measures);
    }

    /** "better", "worse" or "same" for a change from {@code before} to {@code after}. */
    public String change(PictureMeasures before, PictureMeasures after) {
        double delta = value(after) - value(before);
        if (Math.abs(delta) <= tolerance) {
            return "same";
        }
        return (delta < 0) == "lower".equals(better) ? "better" : "worse";
    }
}
