package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PictureMeterTest {

    @Test
    void decodesTheWindowOnceForTheStatisticsAndTheLumaFrames() {
        PictureMeter meter =
                new PictureMeter(new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe")), TestMedia.RUNNER);

        assertThat(meter.command(Path.of("/in.mp4"), 3, Path.of("/t/a:b,[c]")))
                .containsExactly(
                        "/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-noautorotate",
                        "-noaccurate_seek",
                        "-ss",
                        "3.000",
                        "-t",
                        "1.000",
                        "-i",
                        "/in.mp4",
                        "-filter_complex",
                        "[0:v:0]split=2[stats][luma];[stats]select=not(mod(n\\,5)),blockdetect,"
                                + "blurdetect,signalstats,metadata=mode=print:file=/t/a\\\\:b\\,\\[c\\][s];"
                                + "[luma]trim=end_frame=6,format=gray[l]",
                        "-map",
                        "[l]",
                        "-fps_mode",
                        "passthrough",
                        "-f",
                        "rawvideo",
                        "pipe:1",
                        "-map",
                        "[s]",
                        "-f",
                        "null",
                        "-");
    }

    @Test
    void flickerIsTheRelativeSpreadOfMeanLuma() {
        assertThat(PictureMeter.flickerPercent(List.of(100.0, 100.0, 100.0))).isZero();
        assertThat(PictureMeter.flickerPercent(List.of(90.0, 110.0))).isCloseTo(10, within(1e-9));
        assertThat(PictureMeter.flickerPercent(List.of(0.0, 0.5))).isZero();
    }
}
