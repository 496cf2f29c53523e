package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.TestMedia;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

  @TempDir Path dir;

  @Test
  void buildsTheStatisticsAndLumaCommands() {
    Analyzer analyzer = new Analyzer(new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe")), TestMedia.RUNNER);

    assertThat(analyzer.statsCommand(Path.of("/in.mp4"), 3)).containsExactly("/ff/ffmpeg", "-nostdin", "-v",
        "error", "-ss", "3.000", "-t", "4.000", "-i", "/in.mp4", "-map", "0:v:0", "-vf",
        "blockdetect,blurdetect,signalstats,metadata=mode=print:file=-", "-f", "null", "-");
    assertThat(analyzer.lumaCommand(Path.of("/in.mp4"), 0.5)).containsExactly("/ff/ffmpeg", "-nostdin", "-v",
        "error", "-noautorotate", "-ss", "0.500", "-i", "/in.mp4", "-map", "0:v:0", "-fps_mode", "passthrough",
        "-frames:v", "6", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1");
  }

  @Test
  void flickerIsTheRelativeSpreadOfMeanLuma() {
    assertThat(Analyzer.flickerPercent(List.of(100.0, 100.0, 100.0))).isZero();
    assertThat(Analyzer.flickerPercent(List.of(90.0, 110.0))).isCloseTo(10, within(1e-9));
    assertThat(Analyzer.flickerPercent(List.of(0.0, 0.5))).isZero();
  }

  @Test
  void aCleanClipMeasuresCleanAndNeedsNoRepair() throws MediaException {
    FfmpegTools tools = TestMedia.toolsOrSkip();
    Path clean = new DegradedClips(tools, TestMedia.RUNNER).clean(dir.resolve("clean.mkv"), 320, 180, 2);

    Analysis analysis = new Analyzer(tools, TestMedia.RUNNER).analyze(clean);

    assertThat(analysis.codec()).isEqualTo("h264");
    assertThat(analysis.width()).isEqualTo(320);
    assertThat(analysis.framesAnalysed()).isEqualTo(50);
    assertThat(analysis.noiseSigma()).isBetween(0.5, 2.0);
    assertThat(analysis.blockiness()).isLessThan(RestorationPlan.BLOCKINESS_THRESHOLD);
    assertThat(analysis.blur()).isLessThan(RestorationPlan.SOFT_BLUR_THRESHOLD);
    assertThat(analysis.flickerPercent()).isLessThan(RestorationPlan.FLICKER_THRESHOLD_PERCENT);
    assertThat(analysis.damage().scratchColumnsPerFrame()).isZero();
    for (String config : RestoreSpec.CONFIGS) {
      assertThat(RestorationPlan.plan(analysis, RestoreSpec.standard(config))).as(config).isEmpty();
    }
  }
}
