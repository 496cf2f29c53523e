package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.media.VideoStreamInfo;
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
 * Measures a video on a window from its middle: ffmpeg {@code blockdetect}, {@code blurdetect} and
 * {@code signalstats} over up to {@link #STATS_WINDOW_SECONDS} seconds, and, on {@link #LUMA_FRAMES} consecutive raw
 * luma frames read in Java, Immerkær's noise σ̂, banding and old-film damage.
 */
public final class Analyzer {

  /** Seconds of video the ffmpeg statistics cover. */
  public static final double STATS_WINDOW_SECONDS = 4;
  /** Consecutive luma frames read for σ̂, banding and damage. */
  public static final int LUMA_FRAMES = 6;

  private static final Pattern BLOCK = Pattern.compile("lavfi\\.block=([0-9.eE+-]+)");
  private static final Pattern BLUR = Pattern.compile("lavfi\\.blur=([0-9.eE+-]+)");
  private static final Pattern YAVG = Pattern.compile("lavfi\\.signalstats\\.YAVG=([0-9.eE+-]+)");

  private final FfmpegTools tools;
  private final ProcessRunner runner;
  private final MediaProbe probe;

  public Analyzer(FfmpegTools tools, ProcessRunner runner) {
    this.tools = Objects.requireNonNull(tools, "tools == null");
    this.runner = Objects.requireNonNull(runner, "runner == null");
    this.probe = new MediaProbe(tools, runner);
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
    List<byte[]> frames = lumaFrames(video, lumaStart, stream.width(), stream.height());
    if (frames.isEmpty()) {
      frames = lumaFrames(video, 0, stream.width(), stream.height());
    }
    double sigma = medianSigma(frames, stream.width(), stream.height());
    return new Analysis(stream.codec(), stream.width(), stream.height(), stream.fps(), duration,
        stream.bitDepth(), sigma, mean(values(BLOCK, stats)), mean(values(BLUR, stats)), flickerPercent(yavg),
        banding(frames, stream.width(), stream.height()), damage(frames, stream.width(), stream.height(), sigma),
        yavg.size());
  }

  /** The statistics pass: per-frame metadata printed to stdout. */
  List<String> statsCommand(Path video, double startSeconds) {
    return List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-ss", seconds(startSeconds),
        "-t", seconds(STATS_WINDOW_SECONDS), "-i", video.toString(), "-map", "0:v:0",
        "-vf", "blockdetect,blurdetect,signalstats,metadata=mode=print:file=-", "-f", "null", "-");
  }

  /** The luma pass: {@link #LUMA_FRAMES} frames as raw 8-bit gray on stdout, coded size (no autorotation). */
  List<String> lumaCommand(Path video, double startSeconds) {
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

  static double medianSigma(List<byte[]> frames, int width, int height) {
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

  static double flickerPercent(List<Double> yavg) {
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
