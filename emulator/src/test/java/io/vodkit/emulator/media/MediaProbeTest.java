package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaProbeTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheFfprobeCommand() {
        MediaProbe probe = new MediaProbe(
                new FfmpegTools(Path.of("/opt/ff/ffmpeg"), Path.of("/opt/ff/ffprobe")), TestMedia.RUNNER);

        assertThat(probe.command(Path.of("/data/in.mp4")))
                .containsExactly(
                        "/opt/ff/ffprobe",
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        "/data/in.mp4");
    }

    @Test
    void buildsTheFrameCountCommand() {
        MediaProbe probe = new MediaProbe(
                new FfmpegTools(Path.of("/opt/ff/ffmpeg"), Path.of("/opt/ff/ffprobe")), TestMedia.RUNNER);

        assertThat(probe.countCommand(Path.of("/data/in.mp4")))
                .containsExactly(
                        "/opt/ff/ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-count_packets",
                        "-show_entries",
                        "stream=nb_read_packets",
                        "-print_format",
                        "csv=p=0",
                        "/data/in.mp4");
    }

    @Test
    void parsesFfprobeJsonSkippingCoverArt() throws MediaException {
        String json = """
        {"streams": [
          {"codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600,
           "disposition": {"attached_pic": 1}},
          {"codec_type": "audio", "codec_name": "mp3", "sample_rate": "48000", "channels": 2,
           "bit_rate": "192000", "duration": "3.500000"},
          {"codec_type": "video", "codec_name": "hevc", "width": 1920, "height": 1080,
           "avg_frame_rate": "30000/1001", "pix_fmt": "yuv420p10le", "bit_rate": "N/A",
           "disposition": {"attached_pic": 0}}
        ],
        "format": {"format_name": "matroska,webm", "duration": "3.5", "size": "1234", "bit_rate": "2820"}}
        """;

        ProbeResult result = MediaProbe.parse(json);

        assertThat(result.formatName()).isEqualTo("matroska,webm");
        assertThat(result.durationSeconds()).isEqualTo(3.5);
        assertThat(result.sizeBytes()).isEqualTo(1234);
        assertThat(result.bitRate()).isEqualTo(2820);
        assertThat(result.video().codec()).isEqualTo("hevc");
        assertThat(result.video().fps()).isCloseTo(29.97, within(0.01));
        assertThat(result.video().bitRate()).isZero();
        assertThat(result.video().bitDepth()).isEqualTo(10);
        assertThat(result.audio()).isEqualTo(new AudioStreamInfo("mp3", 48000, 2, 192000, 3.5));
    }

    @Test
    void rejectsOutputWithoutFormat() {
        assertThatThrownBy(() -> MediaProbe.parse("{\"streams\": []}"))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("no format section");
        assertThatThrownBy(() -> MediaProbe.parse("not json")).isInstanceOf(MediaException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0, yuv420p, 8",
        "0, yuv420p10le, 10",
        "0, yuv420p12le, 12",
        "0, yuv420p16le, 16",
        "0, gray16be, 16",
        "0, rgb24, 8",
        "10, yuv420p, 10",
        "0, '', 8"
    })
    void bitDepth(int bitsPerRawSample, String pixFmt, int expected) {
        assertThat(MediaProbe.bitDepth(bitsPerRawSample, pixFmt)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"25/1, 25", "30000/1001, 29.97002997", "0/0, 0", "24, 24", "'', 0", "x/y, 0"})
    void rate(String text, double expected) {
        assertThat(MediaProbe.rate(text)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void probesAGeneratedClip() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dir.resolve("clip.mp4"), 320, 180, 2);

        ProbeResult result = new MediaProbe(tools, TestMedia.RUNNER).probe(clip);

        assertThat(result.formatName()).contains("mp4");
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(result.sizeBytes()).isEqualTo(clip.toFile().length());
        assertThat(result.bitRate()).isPositive();
        VideoStreamInfo video = result.video();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.fps()).isEqualTo(25.0);
        assertThat(video.pixFmt()).isEqualTo("yuv420p");
        assertThat(video.bitDepth()).isEqualTo(8);
        assertThat(video.bitRate()).isPositive();
        AudioStreamInfo audio = result.audio();
        assertThat(audio.codec()).isEqualTo("aac");
        assertThat(audio.sampleRate()).isEqualTo(44100);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(new MediaProbe(tools, TestMedia.RUNNER).countVideoFrames(clip))
                .isEqualTo(50);
    }

    @Test
    void probingAMissingFileFails() {
        MediaProbe probe = new MediaProbe(new FfmpegTools(Path.of("ffmpeg"), Path.of("ffprobe")), TestMedia.RUNNER);

        assertThatThrownBy(() -> probe.probe(dir.resolve("missing.mp4")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("not a file");
    }

    @Test
    void probingGarbageFailsWithFfprobeError() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "this is not a video");

        assertThatThrownBy(() -> new MediaProbe(tools, TestMedia.RUNNER).probe(garbage))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("ffprobe exited with status");
    }
}
