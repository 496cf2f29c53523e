package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.media.AudioStreamInfo;
import io.vodkit.emulator.media.FfmpegCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodeSettingsTest {

    @ParameterizedTest
    @CsvSource({
        "8,  aac,       libx264, yuv420p,     mp4,      copy, .mp4",
        "8,  pcm_s16le, libx264, yuv420p,     mp4,      aac,  .mp4",
        "8,  flac,      libx264, yuv420p,     mp4,      aac,  .mp4",
        "10, opus,      libx265, yuv420p10le, mp4,      copy, .mp4",
        "12, mp3,       libx265, yuv420p12le, mp4,      copy, .mp4",
        "16, pcm_s16le, ffv1,    yuv420p16le, matroska, copy, .mkv",
        "8,  ,          libx264, yuv420p,     mp4,      none, .mp4"
    })
    void choosesCodecPixelFormatContainerAndAudio(
            int bitDepth,
            String audioCodec,
            String codec,
            String pixFmt,
            String container,
            String audio,
            String extension) {
        AudioStreamInfo source = audioCodec == null ? null : new AudioStreamInfo(audioCodec, 48000, 2, 128000, 2);

        EncodeSettings settings = EncodeSettings.forBitDepth(bitDepth, source);

        assertThat(settings.videoCodec()).isEqualTo(codec);
        assertThat(settings.pixFmt()).isEqualTo(pixFmt);
        assertThat(settings.container()).isEqualTo(container);
        assertThat(settings.audio()).isEqualTo(audio);
        assertThat(settings.extension()).isEqualTo(extension);
        assertThat(RestorationEngine.outputExtension(new RestoreSpec("common", 2, null, null, bitDepth)))
                .isEqualTo(extension);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "8  | -c:v libx264 -pix_fmt yuv420p -preset ultrafast -x264-params cabac=1:deblock=0,0:bframes=2 -crf 16"
                        + " -c:a copy -movflags +faststart -f mp4 out",
                "10 | -c:v libx265 -pix_fmt yuv420p10le -preset superfast -crf 16 -x265-params log-level=error -tag:v hvc1"
                        + " -c:a copy -movflags +faststart -f mp4 out",
                "16 | -c:v ffv1 -pix_fmt yuv420p16le -level 3 -g 1 -slices 4 -slicecrc 1 -c:a copy -f matroska out"
            })
    void buildsFfmpegArguments(int bitDepth, String args) {
        EncodeSettings settings = EncodeSettings.forBitDepth(bitDepth, new AudioStreamInfo("aac", 44100, 1, 96000, 2));

        assertThat(String.join(
                        " ",
                        settings.applyTo(FfmpegCommand.Output.file(Path.of("out")))
                                .arguments()))
                .isEqualTo(args);
    }

    @Test
    void theCeilingHasAHalfSecondBuffer() {
        EncodeSettings settings =
                EncodeSettings.forBitDepth(8, null).sized(OutputRate.of(200, 640 * 360, 25, 640 * 360));

        assertThat(String.join(
                        " ",
                        settings.applyTo(FfmpegCommand.Output.file(Path.of("out")))
                                .arguments()))
                .contains("-crf 20 -maxrate 300k -bufsize 150k -an");
    }
}
