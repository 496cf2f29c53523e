package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.FramePipeline;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.VideoStreamInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a video: analyse it, plan only the repairs the analysis calls for ({@link RestorationPlan}), run them
 * (ffmpeg filters, plus Java frame repair for old film), encode at the requested bit depth with the audio copied,
 * and analyse the result. Every ffmpeg command is built by {@link FfmpegCommand} and run through the
 * {@link CommandRunner}.
 */
public final class Restorer implements RestorationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
    /** Video codecs an MP4 output can carry as they are, when the picture is left as it is. */
    private static final Set<String> COPYABLE_CODECS = Set.of("h264", "hevc", "av1", "mpeg4", "vp9");

    private final FfmpegTools tools;
    private final CommandRunner runner;
    private final MediaProbe probe;
    private final Analyzer analyzer;
    private final FramePipeline pipeline;

    public Restorer(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
        this.probe = new MediaProbe(tools, runner);
        this.analyzer = new Analyzer(tools, runner);
        this.pipeline = new FramePipeline(tools, runner);
    }

    /** Restores {@code input} into {@code output}, written under a temporary name and then moved into place. */
    @Override
    public RestoreReport restore(Path input, Path output, RestoreSpec spec) throws MediaException {
        long start = System.nanoTime();
        ProbeResult info = probe.probe(input);
        if (!info.hasVideo()) {
            throw new MediaException("no video stream in " + input);
        }
        if (spec.bitDepth() == 16 && info.durationSeconds() > MAX_16_BIT_SOURCE_SECONDS) {
            throw new MediaException(String.format(
                    Locale.ROOT,
                    "16-bit output is limited to sources of at most %.0f s; this source is %.1f s",
                    MAX_16_BIT_SOURCE_SECONDS,
                    info.durationSeconds()));
        }
        Analysis before = analyzer.analyze(input, info);
        List<PlannedStep> steps = RestorationPlan.plan(before, spec);
        String chain = RestorationPlan.filterChain(steps);
        boolean passThrough = steps.isEmpty()
                && spec.bitDepth() == 8
                && before.bitDepth() == 8
                && COPYABLE_CODECS.contains(before.codec());
        String leftAsIs = passThrough
                ? "nothing found that restoration improves without loss"
                        + (RestorationPlan.notes(before).isEmpty() ? "" : " (see notes)")
                        + ": the video stream is copied unchanged"
                : null;
        OutputRate rate = outputRate(info, spec);
        EncodeSettings encode = passThrough
                ? EncodeSettings.copy(info.audio())
                : EncodeSettings.forBitDepth(spec.bitDepth(), info.audio()).sized(rate);
        LOG.info(
                "restore start input={} config={} repairStyle={} steps={} chain={} leftAsIs={}",
                input.getFileName(),
                spec.config(),
                spec.repairStyle(),
                steps.stream().map(PlannedStep::name).toList(),
                chain,
                passThrough);

        Path partial = output.resolveSibling(output.getFileName() + ".part");
        long restoreStart = System.nanoTime();
        try {
            if (RestorationPlan.needsFramePipeline(steps)) {
                pipeline.run(
                        input,
                        info.video(),
                        new FilmRepair(before.noiseSigma()),
                        out -> encoding(out, 1, chain, encode),
                        partial);
            } else {
                FfmpegCommand.Output out = FfmpegCommand.Output.file(partial);
                runner.run(FfmpegCommand.of(tools)
                        .overwrite()
                        .input(FfmpegCommand.Input.file(input))
                        .output(passThrough ? copy(out, encode) : encoding(out, 0, chain, encode))
                        .build());
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MediaException("cannot move " + partial + " to " + output + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
        double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;

        ProbeResult outInfo = probe.probe(output);
        Analysis after = analyzer.analyze(output, outInfo);
        long frames = probe.videoFrames(output, outInfo);
        double elapsed = (System.nanoTime() - start) / 1e9;
        LOG.info(
                "restore done input={} frames={} restoreSeconds={} elapsedSeconds={}",
                input.getFileName(),
                frames,
                restoreSeconds,
                elapsed);
        return new RestoreReport(
                before,
                after,
                steps,
                chain,
                encode,
                frames,
                elapsed,
                restoreSeconds > 0 ? frames / restoreSeconds : 0,
                RestorationPlan.notes(before),
                leftAsIs,
                passThrough || encode.maxKbps() == null && encode.crf() == null ? null : rate.rule(),
                info.sizeBytes() > 0 ? (double) outInfo.sizeBytes() / info.sizeBytes() : 0);
    }

    /** The output's rate for the input's quality class and the target size ({@link OutputRate}). */
    static OutputRate outputRate(ProbeResult info, RestoreSpec spec) {
        VideoStreamInfo video = info.video();
        double kbps = video.bitRate() > 0
                ? video.bitRate() / 1000.0
                : info.bitRate() > 0
                        ? (info.bitRate() - (info.hasAudio() ? info.audio().bitRate() : 0)) / 1000.0
                        : 0;
        long sourcePixels = (long) video.width() * video.height();
        long targetPixels = sourcePixels;
        if (spec.targetHeight() != null && video.height() > 0) {
            int height = spec.targetHeight() / 2 * 2;
            targetPixels = (long) (Math.round((double) video.width() * height / video.height() / 2) * 2) * height;
        }
        return OutputRate.of(kbps, sourcePixels, video.fps(), targetPixels);
    }

    /** The input's video (and audio, as {@code encode} says) copied, timestamps kept. */
    static FfmpegCommand.Output copy(FfmpegCommand.Output out, EncodeSettings encode) {
        out.map("0:v:0");
        if (!"none".equals(encode.audio())) {
            out.map("0:a:0?");
        }
        return encode.applyTo(out);
    }

    /**
     * Maps, filter chain and encode settings; {@code audioInput} is the ffmpeg input index holding the audio. Frames
     * keep their timestamps, so no frame is duplicated or dropped unless a filter does it.
     */
    static FfmpegCommand.Output encoding(
            FfmpegCommand.Output out, int audioInput, String chain, EncodeSettings encode) {
        out.map("0:v:0");
        if (!"none".equals(encode.audio())) {
            out.map(audioInput + ":a:0?");
        }
        return encode.applyTo(out.videoFilter(chain).keepTimestamps());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete partial output path={} error={}", path, e.getMessage());
        }
    }
}
