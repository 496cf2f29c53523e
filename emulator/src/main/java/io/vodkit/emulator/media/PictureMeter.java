package io.vodkit.emulator.media;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a video's picture without a reference, on a window from its middle: ffmpeg {@code blockdetect},
 * {@code blurdetect} and {@code signalstats} on every {@link #STATS_STRIDE}rd frame of up to
 * {@link #STATS_WINDOW_SECONDS} seconds, and, on
 * {@link #LUMA_FRAMES} consecutive raw luma frames read in Java, Immerkær's noise σ̂ and banding. The restoration
 * engine's analysis and {@code vodkit compare} both measure through this class, so their numbers agree.
 */
public final class PictureMeter {

  /** Seconds of video the ffmpeg statistics cover. */
  public static final double STATS_WINDOW_SECONDS = 2;
  /**
   * The ffmpeg statistics take every this-many-th frame of the window: at 720p the detectors cost three times the
   * decoding, and a third of the frames measures a clip as well (flicker included: its spread over 2 s).
   */
  public static final int STATS_STRIDE = 3;
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
  private final ProcessRunner runner;

  public PictureMeter(FfmpegTools tools, ProcessRunner runner) {
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
    double duration = info.durationSeconds();
    double statsStart = Math.max(0, duration / 2 - STATS_WINDOW_SECONDS / 2);
    String stats = runner.run(statsCommand(video, statsStart)).stdout();
    List<Double> yavg = values(YAVG, stats);
    if (yavg.isEmpty()) {
      throw new MediaException("ffmpeg decoded no video frame from " + video);
    }
    double fps = stream.fps() > 0 ? stream.fps() : 25;
    double lumaStart = Math.max(0, duration / 2 - LUMA_FRAMES / (2 * fps));
    int width = stream.width();
    int height = stream.height();
    List<byte[]> frames = lumaFrames(video, lumaStart, width, height);
    if (frames.isEmpty()) {
      frames = lumaFrames(video, 0, width, height);
    }
    PictureMeasures measures = new PictureMeasures(medianSigma(frames, width, height), mean(values(BLOCK, stats)),
        mean(values(BLUR, stats)), banding(frames, width, height), flickerPercent(yavg), yavg.size());
    return new Sample(measures, frames, width, height);
  }

  /** The statistics pass: per-frame metadata printed to stdout. */
  public List<String> statsCommand(Path video, double startSeconds) {
    return List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-ss", seconds(startSeconds),
        "-t", seconds(STATS_WINDOW_SECONDS), "-i", video.toString(), "-map", "0:v:0",
        "-vf", "select=not(mod(n\\," + STATS_STRIDE + ")),blockdetect,blurdetect,signalstats,"
            + "metadata=mode=print:file=-", "-f", "null", "-");
  }

  /** The luma pass: {@link #LUMA_FRAMES} frames as raw 8-bit gray on stdout, coded size (no autorotation). */
  public List<String> lumaCommand(Path video, double startSeconds) {
    return List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-noautorotate",
        "-ss", seconds(startSeconds), "-i", video.toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
        "-frames:v", String.valueOf(LUMA_FRAMES), "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1");
  }

  private List<byte[]> lumaFrames(Path video, double startSeconds, int width, int height) throws MediaException {
    List<byte[]> frames = new ArrayList<>();
    runner.run(lumaCommand(video, startSeconds), null, stdout -> {
      InputStream in = new BufferedInputStream(stdout);
      while (frames.size() < LUMA_FRAMES) {
        byte[] frame = in.readNBytes(width * height);
        if (frame.length < width * height) {
          break;
        }
        frames.add(frame);
      }
    });
    return frames;
  }

  /** The median of the frames' σ̂; 0 for no frame. */
  public static double medianSigma(List<byte[]> frames, int width, int height) {
    double[] sigmas = frames.stream().mapToDouble(f -> NoiseEstimator.sigma(f, width, height)).sorted().toArray();
    if (sigmas.length == 0) {
      return 0;
    }
    int mid = sigmas.length / 2;
    return sigmas.length % 2 == 1 ? sigmas[mid] : (sigmas[mid - 1] + sigmas[mid]) / 2;
  }

  static double banding(List<byte[]> frames, int width, int height) {
    return frames.stream().mapToDouble(f -> BandingMeter.percent(f, width, height)).average().orElse(0);
  }

  /** The standard deviation of per-frame mean luma as a percentage of its mean; 0 for a black clip. */
  public static double flickerPercent(List<Double> yavg) {
    double mean = mean(yavg);
    if (mean < 1) {
      return 0;
    }
    double variance = yavg.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / yavg.size();
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

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
