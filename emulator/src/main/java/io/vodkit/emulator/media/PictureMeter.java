package io.vodkit.emulator.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a video's picture without a reference, on a window from its middle, decoded once by one ffmpeg process:
 * {@code blockdetect}, {@code blurdetect} and {@code signalstats} on every {@link #STATS_STRIDE}th frame of up to
 * {@link #STATS_WINDOW_SECONDS} seconds, and, on the window's first {@link #LUMA_FRAMES} raw luma frames read in
 * Java, Immerkær's noise σ̂ and banding. The window starts at the key frame at or before the middle minus half the
 * window ({@code -noaccurate_seek}), so nothing before it is decoded. The restoration engine's analysis and
 * {@code vodkit compare} both measure through this class, so their numbers agree.
 */
public final class PictureMeter {

    /**
     * Seconds of video the ffmpeg statistics cover. Decoding the window and the detectors on its frames are paid
     * before and after every restoration, so the window is kept short: one second.
     */
    public static final double STATS_WINDOW_SECONDS = 1;
    /**
     * The ffmpeg statistics take every this-many-th frame of the window (5 frames of a 25 fps second): at 720p the
     * detectors cost about 60 ms of CPU a frame, three times the decoding, and their means (and the spread of the
     * mean luma, the flicker) settle on a few frames.
     */
    public static final int STATS_STRIDE = 5;
    /** Consecutive luma frames read for σ̂ and banding (and the restoration's damage detector). */
    public static final int LUMA_FRAMES = 6;

    private static final Pattern BLOCK = Pattern.compile("lavfi\\.block=([0-9.eE+-]+)");
    private static final Pattern BLUR = Pattern.compile("lavfi\\.blur=([0-9.eE+-]+)");
    private static final Pattern YAVG = Pattern.compile("lavfi\\.signalstats\\.YAVG=([0-9.eE+-]+)");

    /**
     * The measures and the luma frames they were taken on.
     *
     * @param measures the measures
     * @param lumaFrames up to {@link #LUMA_FRAMES} consecutive 8-bit luma planes, {@code width × height} bytes each
     */
    public record Sample(PictureMeasures measures, List<byte[]> lumaFrames, int width, int height) {
        public Sample {
            lumaFrames = List.copyOf(lumaFrames);
        }
    }

    private final FfmpegTools tools;
    private final CommandRunner runner;

    public PictureMeter(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
    }

    /**
     * Measures {@code video}, whose probe result is already known.
     *
     * @throws MediaException when it has no video stream, no frame decodes, or ffmpeg fails
     */
    public PictureMeasures measure(Path video, ProbeResult info) throws MediaException {
        return sample(video, info).measures();
    }

    /** As {@link #measure}, keeping the luma frames for further analysis. */
    public Sample sample(Path video, ProbeResult info) throws MediaException {
        VideoStreamInfo stream = info.video();
        if (stream == null) {
            throw new MediaException("no video stream in " + video);
        }
        double start = Math.max(0, info.durationSeconds() / 2 - STATS_WINDOW_SECONDS / 2);
        int width = stream.width();
        int height = stream.height();
        Pass pass = pass(video, start, width, height);
        if (pass.yavg().isEmpty() && start > 0) {
            pass = pass(video, 0, width, height);
        }
        if (pass.yavg().isEmpty()) {
            throw new MediaException("ffmpeg decoded no video frame from " + video);
        }
        List<byte[]> frames = pass.frames();
        PictureMeasures measures = new PictureMeasures(
                medianSigma(frames, width, height),
                mean(pass.block()),
                mean(pass.blur()),
                banding(frames, width, height),
                flickerPercent(pass.yavg()),
                pass.yavg().size());
        return new Sample(measures, frames, width, height);
    }

    private record Pass(List<Double> yavg, List<Double> block, List<Double> blur, List<byte[]> frames) {}

    private Pass pass(Path video, double startSeconds, int width, int height) throws MediaException {
        Path statsFile;
        try {
            statsFile = Files.createTempFile("vodkit-stats-", ".txt");
        } catch (IOException e) {
            throw new MediaException("cannot create a statistics file: " + e.getMessage(), e);
        }
        try {
            List<byte[]> frames = new ArrayList<>();
            runner.run(command(video, startSeconds, statsFile), null, stdout -> {
                InputStream in = new BufferedInputStream(stdout);
                while (frames.size() < LUMA_FRAMES) {
                    byte[] frame = in.readNBytes(width * height);
                    if (frame.length < width * height) {
                        break;
                    }
                    frames.add(frame);
                }
            });
            String stats = Files.readString(statsFile);
            return new Pass(values(YAVG, stats), values(BLOCK, stats), values(BLUR, stats), frames);
        } catch (IOException e) {
            throw new MediaException("cannot read " + statsFile + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(statsFile);
            } catch (IOException e) {
                // a temporary file left behind; nothing to do
            }
        }
    }

    /**
     * The one pass: the window decoded once at its coded size (no autorotation); every {@link #STATS_STRIDE}th frame
     * through the detectors, their per-frame metadata printed to {@code statsFile}; the first {@link #LUMA_FRAMES}
     * frames as raw 8-bit gray on stdout.
     */
    public List<String> command(Path video, double startSeconds, Path statsFile) {
        return FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.file(video)
                        .noAutorotate()
                        .fromKeyFrame()
                        .seek(startSeconds)
                        .duration(STATS_WINDOW_SECONDS))
                .filterGraph("[0:v:0]split=2[stats][luma];[stats]select=not(mod(n\\," + STATS_STRIDE + ")),"
                        + "blockdetect,blurdetect,signalstats,metadata=mode=print:file="
                        + FilterGraphs.escapeOption(statsFile.toString()) + "[s];[luma]trim=end_frame=" + LUMA_FRAMES
                        + ",format=gray[l]")
                .output(FfmpegCommand.Output.stdout()
                        .map("[l]")
                        .keepTimestamps()
                        .format("rawvideo"))
                .output(FfmpegCommand.Output.discard().map("[s]"))
                .build();
    }

    /** The median of the frames' σ̂; 0 for no frame. */
    public static double medianSigma(List<byte[]> frames, int width, int height) {
        double[] sigmas = frames.stream()
                .mapToDouble(f -> NoiseEstimator.sigma(f, width, height))
                .sorted()
                .toArray();
        if (sigmas.length == 0) {
            return 0;
        }
        int mid = sigmas.length / 2;
        return sigmas.length % 2 == 1 ? sigmas[mid] : (sigmas[mid - 1] + sigmas[mid]) / 2;
    }

    static double banding(List<byte[]> frames, int width, int height) {
        return frames.stream()
                .mapToDouble(f -> BandingMeter.percent(f, width, height))
                .average()
                .orElse(0);
    }

    /** The standard deviation of per-frame mean luma as a percentage of its mean; 0 for a black clip. */
    public static double flickerPercent(List<Double> yavg) {
        double mean = mean(yavg);
        if (mean < 1) {
            return 0;
        }
        double variance =
                yavg.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / yavg.size();
        return 100 * Math.sqrt(variance) / mean;
    }

    private static List<Double> values(Pattern key, String text) {
        List<Double> values = new ArrayList<>();
        Matcher m = key.matcher(text);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
