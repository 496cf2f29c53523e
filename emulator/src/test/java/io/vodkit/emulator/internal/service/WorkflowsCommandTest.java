package io.vodkit.emulator.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.WorkflowTemplate;
import io.vodkit.emulator.media.FfmpegTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcode a workflow template runs, built by the typed builder, is the command it always was. */
class WorkflowsCommandTest {

    @Test
    void aTranscodeTemplateIsAnH264AacMp4OfItsHeight() {
        FfmpegTools tools = new FfmpegTools(Path.of("/opt/ff/ffmpeg"), Path.of("/opt/ff/ffprobe"));

        List<String> command = Workflows.transcodeCommand(
                tools,
                Path.of("/data/objects/o1"),
                WorkflowTemplate.parse("small=transcode:144p"),
                Path.of("/w/o.mp4"));

        assertThat(command)
                .containsExactly(
                        "/opt/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        "/data/objects/o1",
                        "-vf",
                        "scale=-2:144",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-movflags",
                        "+faststart",
                        "/w/o.mp4");
    }
}
