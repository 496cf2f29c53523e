package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.FramePipeline;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a clean reference clip and degraded copies of it with ffmpeg (and Java for film damage), and measures
 * Y-PSNR and SSIM against the reference. Shared by the restore tests and the bench.
 */
public final class DegradedClips {

  private static final Pattern PSNR_Y = Pattern.compile("PSNR y:([0-9.]+|inf)");
  private static final Pattern SSIM_ALL = Pattern.compile("SSIM .*All:([0-9.]+)");

  private final FfmpegTools tools;
  private final ProcessRunner runner;

  public DegradedClips(FfmpegTools tools, ProcessRunner runner) {
    this.tools = tools;
    this.runner = runner;
  }

  /** A lossless {@code testsrc2} clip with a 440 Hz AAC track, in Matroska. */
  public Path clean(Path out, int width, int height, double seconds) throws MediaException {
    run(List.of("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", num(seconds),
        "-c:v", "libx264", "-qp", "0", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "96k", "-f", "matroska", out.toString()));
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
    new FramePipeline(tools, runner).run(clean, new MediaProbe(tools, runner).probe(clean).video(),
        new FilmDamageSynth(seed), List.of("-map", "0:v:0", "-map", "1:a:0?", "-fps_mode", "passthrough",
            "-c:v", "libx264", "-preset",
            "veryfast", "-crf", "12", "-pix_fmt", "yuv420p", "-c:a", "copy", "-f", "mp4"), out);
    return out;
  }

  /**
   * Mean Y-PSNR in dB of {@code video} against {@code reference}, frame by frame from each one's first frame
   * (start offsets removed), scaled to the reference's size first.
   */
  public double psnr(Path video, Path reference) throws MediaException {
    String log = compare(video, reference, "psnr");
    Matcher m = PSNR_Y.matcher(log);
    if (!m.find()) {
      throw new MediaException("no PSNR in ffmpeg output: " + log);
    }
    return "inf".equals(m.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
  }

  /** Mean SSIM (all planes) of {@code video} against {@code reference}. */
  public double ssim(Path video, Path reference) throws MediaException {
    String log = compare(video, reference, "ssim");
    Matcher m = SSIM_ALL.matcher(log);
    if (!m.find()) {
      throw new MediaException("no SSIM in ffmpeg output: " + log);
    }
    return Double.parseDouble(m.group(1));
  }

  private String compare(Path video, Path reference, String filter) throws MediaException {
    return runner.run(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "info", "-nostats",
        "-i", video.toString(), "-i", reference.toString(), "-lavfi",
        "[0:v]setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]setpts=PTS-STARTPTS,format=yuv420p[r];"
            + "[a][r]scale2ref=flags=bicubic[as][rs];[as][rs]" + filter,
        "-f", "null", "-")).stderrTail();
  }

  private Path encode(Path clean, Path out, String filter, int crf) throws MediaException {
    return run(List.of("-i", clean.toString(), "-vf", filter, "-fps_mode", "passthrough", "-c:v", "libx264", "-preset", "veryfast",
        "-crf", String.valueOf(crf), "-pix_fmt", "yuv420p", "-c:a", "copy", "-f", "mp4", out.toString()), out);
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
