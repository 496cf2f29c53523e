package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.PictureMeter;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.media.ReferenceScore;
import io.vodkit.emulator.media.ReferenceScorer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two local videos (and optionally both with a clean reference): ffprobe facts and no-reference measures
 * for each, and, when they show the same content, PSNR and SSIM per plane of AFTER against BEFORE (AFTER scaled to
 * BEFORE's size). The one entry point of {@code vodkit compare} and {@code enhance --compare}.
 */
public final class Comparer {
    /** Videos longer than this are scored on a window of this length from their middle. */
    static final double MAX_SCORED_SECONDS = 30;
    /** Aspect ratios further apart than this (relative) cannot show the same picture. */
    static final double ASPECT_TOLERANCE = 0.03;

    private final MediaProbe probe;
    private final PictureMeter meter;
    private final ReferenceScorer scorer;

    public Comparer(FfmpegTools tools, ProcessRunner runner) {
        this.probe = new MediaProbe(tools, runner);
        this.meter = new PictureMeter(tools, runner);
        this.scorer = new ReferenceScorer(tools, runner);
    }

    /**
     * Measures both sides and scores them.
     *
     * @param reference a clean original to score both against, or {@code null}
     * @throws CliException (invalid input) when a file is unreadable or has no video stream
     */
    Comparison compare(Named before, Named after, Named reference) {
        Side b = side("BEFORE", before);
        Side a = side("AFTER", after);
        Fidelity afterVsBefore = fidelity(a, b, "AFTER", "BEFORE");
        Comparison.Reference ref = null;
        if (reference != null) {
            Side r = side("--reference", reference);
            ref = new Comparison.Reference(r, fidelity(b, r, "BEFORE", "the reference"),
                    fidelity(a, r, "AFTER", "the reference"));
        }
        return new Comparison(b, a, afterVsBefore, ref);
    }

    /** A file and what the user called it. */
    public record Named(String source, Path file) {
    }

    private Side side(String role, Named named) {
        ProbeResult info;
        try {
            info = probe.probe(named.file());
        } catch (MediaException e) {
            throw CliException.invalidInput(role + " (" + named.source() + ") is not a readable media file: "
                    + firstLine(e.getMessage()));
        }
        if (!info.hasVideo()) {
            throw CliException.invalidInput(role + " (" + named.source() + ") has no video stream"
                    + (info.hasAudio() ? " (audio only: " + info.audio().codec() + ")" : "")
                    + "; compare measures pictures");
        }
        if (info.video().width() <= 0 || info.video().height() <= 0) {
            throw CliException.invalidInput(role + " (" + named.source() + ") has a video stream of unknown size");
        }
        try {
            return new Side(named.source(), named.file(), info, meter.measure(named.file(), info));
        } catch (MediaException e) {
            throw CliException.invalidInput(role + " (" + named.source() + ") could not be decoded: "
                    + firstLine(e.getMessage()));
        }
    }

    /** {@code video} scored against {@code reference}, or why the two are not the same content. */
    private Fidelity fidelity(Side video, Side reference, String videoName, String referenceName) {
        if (Math.abs(video.aspect() / reference.aspect() - 1) > ASPECT_TOLERANCE) {
            return Fidelity.notComparable(String.format(Locale.ROOT,
                    "aspect ratios differ (%s %s, %s %s): not the same framing", videoName, video.size(),
                    referenceName, reference.size()));
        }
        double dv = video.probe().durationSeconds();
        double dr = reference.probe().durationSeconds();
        if (dv > 0 && dr > 0 && Math.abs(dv - dr) > Math.max(1.0, 0.1 * Math.max(dv, dr))) {
            return Fidelity.notComparable(String.format(Locale.ROOT,
                    "durations differ (%s %.2f s, %s %.2f s): not the same clip", videoName, dv, referenceName, dr));
        }
        double shorter = dv > 0 && dr > 0 ? Math.min(dv, dr) : 0;
        double start = shorter > MAX_SCORED_SECONDS ? shorter / 2 - MAX_SCORED_SECONDS / 2 : 0;
        double seconds = shorter > MAX_SCORED_SECONDS ? MAX_SCORED_SECONDS : 0;
        ReferenceScore score;
        try {
            score = scorer.score(video.file(), reference.file(), start, seconds);
        } catch (MediaException e) {
            throw new CliException(ExitCodes.FAILED, "cannot score " + videoName + " against " + referenceName
                    + ": " + firstLine(e.getMessage()), Map.of(), e);
        }
        if (score.psnr().y() < Fidelity.SAME_CONTENT_PSNR && score.ssim().y() < Fidelity.SAME_CONTENT_SSIM) {
            return Fidelity.notComparable(String.format(Locale.ROOT,
                    "not the same content: %s against %s scores Y-PSNR %.1f dB and Y-SSIM %.3f after scaling "
                            + "(the same content scores at least %.0f dB or %.1f)", videoName, referenceName,
                    score.psnr().y(), score.ssim().y(), Fidelity.SAME_CONTENT_PSNR, Fidelity.SAME_CONTENT_SSIM));
        }
        return new Fidelity(score, null);
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }
}
