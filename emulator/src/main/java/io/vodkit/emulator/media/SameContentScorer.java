package io.vodkit.emulator.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores a video against a reference only when the two show the same content: the same framing (aspect ratio), the
 * same length, and, once scored, a PSNR or SSIM that the same picture reaches. Videos longer than
 * {@link #MAX_SCORED_SECONDS} are scored on a window of that length from their middle. {@code vodkit compare} and
 * the console's before/after view both score through this class.
 */
public final class SameContentScorer {
    /** Videos longer than this are scored on a window of this length from their middle. */
    public static final double MAX_SCORED_SECONDS = 30;
    /** Aspect ratios further apart than this (relative) cannot show the same picture. */
    public static final double ASPECT_TOLERANCE = 0.03;
    /** Y-PSNR at or above this, or Y-SSIM at or above {@link #SAME_CONTENT_SSIM}, means the same content. */
    public static final double SAME_CONTENT_PSNR = 20;

    public static final double SAME_CONTENT_SSIM = 0.7;

    /**
     * The score, or why there is none.
     *
     * @param score the score, or {@code null} when the two do not show the same content
     * @param reason why they are not comparable, or {@code null}
     */
    public record Result(ReferenceScore score, String reason) {
        public boolean comparable() {
            return score != null;
        }
    }

    /** A video file, its probe result and what to call it in a reason. */
    public record Input(String name, Path file, ProbeResult probe) {
        double aspect() {
            return (double) probe.video().width() / probe.video().height();
        }

        String size() {
            return probe.video().width() + "x" + probe.video().height();
        }
    }

    private final ReferenceScorer scorer;

    public SameContentScorer(FfmpegTools tools, CommandRunner runner) {
        this.scorer = new ReferenceScorer(
                Objects.requireNonNull(tools, "tools == null"), Objects.requireNonNull(runner, "runner == null"));
    }

    /**
     * {@code video} scored against {@code reference} (scaled to its size), or why the two are not the same content.
     *
     * @throws MediaException when ffmpeg fails to score them
     */
    public Result score(Input video, Input reference) throws MediaException {
        if (Math.abs(video.aspect() / reference.aspect() - 1) > ASPECT_TOLERANCE) {
            return new Result(
                    null,
                    String.format(
                            Locale.ROOT,
                            "aspect ratios differ (%s %s, %s %s): not the same framing",
                            video.name(),
                            video.size(),
                            reference.name(),
                            reference.size()));
        }
        double dv = video.probe().durationSeconds();
        double dr = reference.probe().durationSeconds();
        if (dv > 0 && dr > 0 && Math.abs(dv - dr) > Math.max(1.0, 0.1 * Math.max(dv, dr))) {
            return new Result(
                    null,
                    String.format(
                            Locale.ROOT,
                            "durations differ (%s %.2f s, %s %.2f s): not the same clip",
                            video.name(),
                            dv,
                            reference.name(),
                            dr));
        }
        double shorter = dv > 0 && dr > 0 ? Math.min(dv, dr) : 0;
        double start = shorter > MAX_SCORED_SECONDS ? shorter / 2 - MAX_SCORED_SECONDS / 2 : 0;
        double seconds = shorter > MAX_SCORED_SECONDS ? MAX_SCORED_SECONDS : 0;
        ReferenceScore score = scorer.score(video.file(), reference.file(), start, seconds);
        if (score.psnr().y() < SAME_CONTENT_PSNR && score.ssim().y() < SAME_CONTENT_SSIM) {
            return new Result(
                    null,
                    String.format(
                            Locale.ROOT,
                            "not the same content: %s against %s scores Y-PSNR %.1f dB and Y-SSIM %.3f after scaling "
                                    + "(the same content scores at least %.0f dB or %.1f)",
                            video.name(),
                            reference.name(),
                            score.psnr().y(),
                            score.ssim().y(),
                            SAME_CONTENT_PSNR,
                            SAME_CONTENT_SSIM));
        }
        return new Result(score, null);
    }
}
