package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.FramePipeline;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ReferenceScore;
import io.vodkit.emulator.media.ReferenceScorer;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a clean reference clip and degraded copies of it with ffmpeg (and Java for film damage), and measures
 * Y-PSNR and SSIM against the reference. Shared by the restore tests and the bench.
 */
public final class DegradedClips {

    private final FfmpegTools tools;
    private final CommandRunner runner;

    public DegradedClips(FfmpegTools tools, CommandRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /** A lossless {@code testsrc2} clip with a 440 Hz AAC track, in Matroska. */
    public Path clean(Path out, int width, int height, double seconds) throws MediaException {
        runner.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.lavfi("testsrc2=size=" + width + "x" + height + ":rate=25"))
                .input(FfmpegCommand.Input.lavfi("sine=frequency=440:sample_rate=44100"))
                .output(lossless(FfmpegCommand.Output.file(out).duration(seconds))
                        .audioCodec("aac")
                        .option("-b:a", "96k"))
                .build());
        return out;
    }

    /** {@code noise=alls=strength} (uniform, σ ≈ strength/√3) then H.264 at {@code crf}. */
    public Path noisy(Path clean, Path out, int strength, int crf) throws MediaException {
        return encode(clean, out, "noise=alls=" + strength + ":allf=t", crf);
    }

    /** H.264 at {@code crf}, no other damage. */
    public Path compressed(Path clean, Path out, int crf) throws MediaException {
        return encode(clean, out, "null", crf);
    }

    /** Downscaled to {@code height} (bicubic), near-lossless H.264. */
    public Path lowRes(Path clean, Path out, int height) throws MediaException {
        return encode(clean, out, "scale=-2:" + height + ":flags=bicubic", 12);
    }

    /** Film damage from {@link FilmDamageSynth} (flicker, grain, scratches, dust), near-lossless H.264. */
    public Path oldFilm(Path clean, Path out, long seed) throws MediaException {
        return oldFilm(clean, out, seed, List.of("-crf", "12"));
    }

    /**
     * Film damage as {@link #oldFilm(Path, Path, long)}, then starved H.264 at {@code kbps} (one pass, a VBV ceiling
     * of the same rate): the grain and damage baked into a heavily compressed file, as old film is usually found.
     */
    public Path oldFilmStarved(Path clean, Path out, long seed, int kbps) throws MediaException {
        return oldFilm(
                clean, out, seed, List.of("-b:v", kbps + "k", "-maxrate", kbps + "k", "-bufsize", 2 * kbps + "k"));
    }

    private Path oldFilm(Path clean, Path out, long seed, List<String> rate) throws MediaException {
        new FramePipeline(tools, runner)
                .run(
                        clean,
                        new MediaProbe(tools, runner).probe(clean).video(),
                        new FilmDamageSynth(seed),
                        encoder -> {
                            encoder.map("0:v:0")
                                    .map("1:a:0?")
                                    .keepTimestamps()
                                    .videoCodec("libx264")
                                    .option("-preset", "veryfast");
                            for (int i = 0; i < rate.size(); i += 2) {
                                encoder.option(rate.get(i), rate.get(i + 1));
                            }
                            return encoder.pixelFormat("yuv420p")
                                    .audioCodec("copy")
                                    .format("mp4");
                        },
                        out);
        return out;
    }

    /**
     * A low-light version of {@code clean}, losslessly: dimmed to about a quarter of its levels and flattened, the
     * clean reference of a dark scene.
     */
    public Path dark(Path clean, Path out) throws MediaException {
        runner.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.file(clean))
                .output(lossless(FfmpegCommand.Output.file(out)
                                .videoFilter("eq=brightness=-0.3:contrast=0.45:saturation=0.6"))
                        .audioCodec("copy"))
                .build());
        return out;
    }

    /** H.264 at QP 0 (lossless), yuv420p, in Matroska. */
    private static FfmpegCommand.Output lossless(FfmpegCommand.Output output) {
        return output.videoCodec("libx264")
                .option("-qp", "0")
                .option("-preset", "ultrafast")
                .pixelFormat("yuv420p")
                .format("matroska");
    }

    /**
     * Y-PSNR and SSIM of {@code video} against {@code reference}, frame by frame from each one's first frame, scaled
     * to the reference's size first (the production {@link ReferenceScorer}, as {@code vodkit compare} scores).
     */
    public ReferenceScore score(Path video, Path reference) throws MediaException {
        return new ReferenceScorer(tools, runner).score(video, reference);
    }

    /** Mean Y-PSNR in dB of {@code video} against {@code reference} ({@link ReferenceScorer#IDENTICAL_PSNR} if equal). */
    public double psnr(Path video, Path reference) throws MediaException {
        return score(video, reference).psnr().y();
    }

    /** Mean SSIM (all planes) of {@code video} against {@code reference}. */
    public double ssim(Path video, Path reference) throws MediaException {
        return score(video, reference).ssim().all();
    }

    private Path encode(Path clean, Path out, String filter, int crf) throws MediaException {
        runner.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.file(clean))
                .output(FfmpegCommand.Output.file(out)
                        .videoFilter(filter)
                        .keepTimestamps()
                        .videoCodec("libx264")
                        .option("-preset", "veryfast")
                        .option("-crf", String.valueOf(crf))
                        .pixelFormat("yuv420p")
                        .audioCodec("copy")
                        .format("mp4"))
                .build());
        return out;
    }
}
