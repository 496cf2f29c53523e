package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.FramePipeline;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.media.ReferenceScore;
import io.vodkit.emulator.media.ReferenceScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a clean reference clip and degraded copies of it with ffmpeg (and Java for film damage), and measures
 * Y-PSNR and SSIM against the reference. Shared by the restore tests and the bench.
 */
public final class DegradedClips {

    private final FfmpegTools tools;
    private final ProcessRunner runner;

    public DegradedClips(FfmpegTools tools, ProcessRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /** A lossless {@code testsrc2} clip with a 440 Hz AAC track, in Matroska. */
    public Path clean(Path out, int width, int height, double seconds) throws MediaException {
        run(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100",
                "-t",
                num(seconds),
                "-c:v",
                "libx264",
                "-qp",
                "0",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                "-f",
                "matroska",
                out.toString()));
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
        run(List.of(
                "-i",
                clean.toString(),
                "-vf",
                "eq=brightness=-0.3:contrast=0.45:saturation=0.6",
                "-c:v",
                "libx264",
                "-qp",
                "0",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "copy",
                "-f",
                "matroska",
                out.toString()));
        return out;
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
        return run(
                List.of(
                        "-i",
                        clean.toString(),
                        "-vf",
                        filter,
                        "-fps_mode",
                        "passthrough",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        String.valueOf(crf),
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "copy",
                        "-f",
                        "mp4",
                        out.toString()),
                out);
    }

    private Path run(List<String> args, Path out) throws MediaException {
        run(args);
        return out;
    }

    private void run(List<String> args) throws MediaException {
        List<String> cmd = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-y"));
        cmd.addAll(args);
        runner.run(cmd);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
