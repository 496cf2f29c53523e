package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PictureMeterTest {

  @Test
  void buildsTheStatisticsAndLumaCommands() {
    PictureMeter meter = new PictureMeter(new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe")), TestMedia.RUNNER);

    assertThat(meter.statsCommand(Path.of("/in.mp4"), 3)).containsExactly("/ff/ffmpeg", "-nostdin", "-v",
        "error", "-ss", "3.000", "-t", "2.000", "-i", "/in.mp4", "-map", "0:v:0", "-vf",
        "select=not(mod(n\\,3)),blockdetect,blurdetect,signalstats,metadata=mode=print:file=-", "-f", "null", "-");
    assertThat(meter.lumaCommand(Path.of("/in.mp4"), 0.5)).containsExactly("/ff/ffmpeg", "-nostdin", "-v",
        "error", "-noautorotate", "-ss", "0.500", "-i", "/in.mp4", "-map", "0:v:0", "-fps_mode", "passthrough",
        "-frames:v", "6", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1");
  }

  @Test
  void flickerIsTheRelativeSpreadOfMeanLuma() {
    assertThat(PictureMeter.flickerPercent(List.of(100.0, 100.0, 100.0))).isZero();
    assertThat(PictureMeter.flickerPercent(List.of(90.0, 110.0))).isCloseTo(10, within(1e-9));
    assertThat(PictureMeter.flickerPercent(List.of(0.0, 0.5))).isZero();
  }
}
