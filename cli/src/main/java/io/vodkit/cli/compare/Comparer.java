package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.PictureMeter;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.SameContentScorer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Compares two local videos (and optionally both with a clean reference): ffprobe facts and no-reference measures
 * for each, and, when they show the same content, PSNR and SSIM per plane of AFTER against BEFORE (AFTER scaled to
 * BEFORE's size). The one entry point of {@code vodkit compare} and {@code enhance --compare}.
 */
public final class Comparer {
    private final MediaProbe probe;
    private final PictureMeter meter;
    private final SameContentScorer scorer;

    public Comparer(FfmpegTools tools, CommandRunner runner) {
        this.probe = new MediaProbe(tools, runner);
        this.meter = new PictureMeter(tools, runner);
        this.scorer = new SameContentScorer(tools, runner);
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
            ref = new Comparison.Reference(
                    r, fidelity(b, r, "BEFORE", "the reference"), fidelity(a, r, "AFTER", "the reference"));
        }
        return new Comparison(b, a, afterVsBefore, ref);
    }

    /** A file and what the user called it. */
    public record Named(String source, Path file) {}

    private Side side(String role, Named named) {
        ProbeResult info;
        try {
            info = probe.probe(named.file());
        } catch (MediaException e) {
            throw CliException.invalidInput(
                    role + " (" + named.source() + ") is not a readable media file: " + e.firstLine());
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
            throw CliException.invalidInput(role + " (" + named.source() + ") could not be decoded: " + e.firstLine());
        }
    }

    /** {@code video} scored against {@code reference}, or why they are not the same content. */
    private Fidelity fidelity(Side video, Side reference, String videoName, String referenceName) {
        SameContentScorer.Result result;
        try {
            result = scorer.score(
                    new SameContentScorer.Input(videoName, video.file(), video.probe()),
                    new SameContentScorer.Input(referenceName, reference.file(), reference.probe()));
        } catch (MediaException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot score " + videoName + " against " + referenceName + ": " + e.firstLine(),
                    Map.of(),
                    e);
        }
        return new Fidelity(result.score(), result.reason());
    }
}
