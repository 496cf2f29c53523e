package io.vodkit.emulator.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a video against a reference with ffmpeg's {@code psnr} and {@code ssim} filters in one decoding pass: the
 * video is scaled (bicubic) to the reference's size, both start at their first frame, and frames are paired in
 * order.
 */
public final class ReferenceScorer {

    /** The PSNR written for identical planes, where ffmpeg prints {@code inf}. */
    public static final double IDENTICAL_PSNR = 100;

    private static final String NUM = "([0-9.]+|inf)";
    private static final Pattern PSNR =
            Pattern.compile("PSNR y:" + NUM + " u:" + NUM + " v:" + NUM + " average:" + NUM);
    private static final Pattern SSIM = Pattern.compile(
            "SSIM Y:" + NUM + " \\([^)]*\\) U:" + NUM + " \\([^)]*\\) V:" + NUM + " \\([^)]*\\) All:" + NUM);

    private final FfmpegTools tools;
    private final CommandRunner runner;

    public ReferenceScorer(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
    }

    /** Scores the whole of {@code video} against the whole of {@code reference}. */
    public ReferenceScore score(Path video, Path reference) throws MediaException {
        return score(video, reference, 0, 0);
    }

    /**
     * Scores {@code seconds} of {@code video} from {@code startSeconds} against the same window of
     * {@code reference}.
     *
     * @param seconds the window's length; 0 scores to the end of the shorter video
     * @throws MediaException when ffmpeg fails or prints no score (no video frame in the window)
     */
    public ReferenceScore score(Path video, Path reference, double startSeconds, double seconds) throws MediaException {
        String log =
                runner.run(command(video, reference, startSeconds, seconds)).stderrTail();
        Matcher psnr = PSNR.matcher(log);
        Matcher ssim = SSIM.matcher(log);
        if (!psnr.find() || !ssim.find()) {
            throw new MediaException("ffmpeg printed no PSNR/SSIM for " + video + " against " + reference
                    + " (no video frame in the window?)");
        }
        return new ReferenceScore(planes(psnr), planes(ssim), startSeconds, seconds);
    }

    /** The ffmpeg command: both inputs windowed alike, the video scaled to the reference, psnr and ssim side by side. */
    public List<String> command(Path video, Path reference, double startSeconds, double seconds) {
        FfmpegCommand cmd =
                FfmpegCommand.of(tools).logLevel("info").flag("-hide_banner").flag("-nostats");
        for (Path input : List.of(video, reference)) {
            FfmpegCommand.Input in = FfmpegCommand.Input.file(input);
            if (startSeconds > 0) {
                in.seek(startSeconds);
            }
            if (seconds > 0) {
                in.duration(seconds);
            }
            cmd.input(in);
        }
        return cmd.filterGraph(
                        "[0:v]setpts=PTS-STARTPTS,format=yuv420p[v0];[1:v]setpts=PTS-STARTPTS,format=yuv420p[r0];"
                                + "[v0][r0]scale2ref=flags=bicubic[vs][rs];[vs]split[v1][v2];[rs]split[r1][r2];"
                                + "[v1][r1]psnr[p];[v2][r2]ssim[s]")
                .output(FfmpegCommand.Output.discard().map("[p]"))
                .output(FfmpegCommand.Output.discard().map("[s]"))
                .build();
    }

    private static PlaneScores planes(Matcher m) {
        return new PlaneScores(value(m.group(1)), value(m.group(2)), value(m.group(3)), value(m.group(4)));
    }

    private static double value(String text) {
        return "inf".equals(text) ? IDENTICAL_PSNR : Math.min(IDENTICAL_PSNR, Double.parseDouble(text));
    }
}
