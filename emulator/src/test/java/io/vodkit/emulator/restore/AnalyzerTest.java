package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aCleanClipMeasuresCleanAndNeedsNoRepair() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clean = new DegradedClips(tools, TestMedia.RUNNER).clean(dir.resolve("clean.mkv"), 320, 180, 2);

        Analysis analysis = new Analyzer(tools, TestMedia.RUNNER).analyze(clean);

        assertThat(analysis.codec()).isEqualTo("h264");
        assertThat(analysis.width()).isEqualTo(320);
        assertThat(analysis.framesAnalysed()).isEqualTo(5); // every 5th of the 25 frames of a 1 s window
        assertThat(analysis.noiseSigma()).isBetween(0.5, 2.0);
        assertThat(analysis.blockiness()).isLessThan(RestorationPlan.BLOCKINESS_THRESHOLD);
        assertThat(analysis.blur()).isLessThan(RestorationPlan.SOFT_BLUR_THRESHOLD);
        assertThat(analysis.flickerPercent()).isLessThan(RestorationPlan.FLICKER_THRESHOLD_PERCENT);
        assertThat(analysis.damage().scratchColumnsPerFrame()).isZero();
        for (String config : RestoreSpec.CONFIGS) {
            assertThat(RestorationPlan.plan(analysis, RestoreSpec.standard(config)))
                    .as(config)
                    .isEmpty();
        }
    }
}
