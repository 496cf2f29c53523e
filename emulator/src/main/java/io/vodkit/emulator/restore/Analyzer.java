package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.PictureMeasures;
import io.vodkit.emulator.media.PictureMeter;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.VideoStreamInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Measures a video for restoration: the picture measures of {@link PictureMeter} (blockiness, blur, noise σ̂,
 * banding, flicker), plus old-film damage found on the same luma frames.
 */
public final class Analyzer {

    private final MediaProbe probe;
    private final PictureMeter meter;

    public Analyzer(FfmpegTools tools, CommandRunner runner) {
        Objects.requireNonNull(tools, "tools == null");
        Objects.requireNonNull(runner, "runner == null");
        this.probe = new MediaProbe(tools, runner);
        this.meter = new PictureMeter(tools, runner);
    }

    /** Probes and measures {@code video}. */
    public Analysis analyze(Path video) throws MediaException {
        return analyze(video, probe.probe(video));
    }

    /**
     * Measures {@code video}, whose probe result is already known.
     *
     * @throws MediaException when it has no video stream or ffmpeg fails
     */
    public Analysis analyze(Path video, ProbeResult info) throws MediaException {
        PictureMeter.Sample sample = meter.sample(video, info);
        VideoStreamInfo stream = info.video();
        PictureMeasures m = sample.measures();
        return new Analysis(
                stream.codec(),
                stream.width(),
                stream.height(),
                stream.fps(),
                info.durationSeconds(),
                stream.bitDepth(),
                m.noiseSigma(),
                m.blockiness(),
                m.blur(),
                m.flickerPercent(),
                m.bandingPercent(),
                damage(sample.lumaFrames(), stream.width(), stream.height(), m.noiseSigma()),
                m.framesAnalysed());
    }

    static FilmDamage damage(List<byte[]> frames, int width, int height, double sigma) {
        if (frames.size() < 2) {
            return FilmDamage.NONE;
        }
        DamageDetector detector = new DamageDetector(width, height, sigma);
        long scratchColumns = 0;
        long dustPixels = 0;
        for (int i = 0; i < frames.size(); i++) {
            boolean[] scratches = detector.scratchColumns(frames.get(i));
            byte[] previous = i > 0 ? frames.get(i - 1) : null;
            byte[] next = i + 1 < frames.size() ? frames.get(i + 1) : null;
            scratchColumns += DamageDetector.count(scratches);
            dustPixels += DamageDetector.count(detector.dust(previous, frames.get(i), next, scratches));
        }
        int n = frames.size();
        double damaged = 100.0 * (scratchColumns * (double) height + dustPixels) / ((double) n * width * height);
        return new FilmDamage((double) scratchColumns / n, (double) dustPixels / n, damaged);
    }
}
