package io.vodkit.emulator.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Extracts one real video frame as a JPEG. */
public final class Snapshotter {

    /** How far before the end a snapshot may be taken, so that a frame is always there to decode. */
    private static final double END_MARGIN_SECONDS = 0.1;

    private final FfmpegTools tools;
    private final CommandRunner runner;
    private final MediaProbe probe;

    public Snapshotter(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
        this.probe = new MediaProbe(tools, runner);
    }

    /**
     * Writes the frame at {@code atSeconds} (clamped into the video's duration) to {@code jpegOut}.
     *
     * @throws MediaException when the file has no video stream or ffmpeg writes no frame
     */
    public void snapshot(Path video, double atSeconds, Path jpegOut) throws MediaException {
        ProbeResult info = probe.probe(video);
        if (!info.hasVideo()) {
            throw new MediaException("no video stream in " + video);
        }
        double at = clamp(atSeconds, info.durationSeconds(), info.video().fps());
        runner.run(command(video, at, jpegOut));
        try {
            if (!Files.isRegularFile(jpegOut) || Files.size(jpegOut) == 0) {
                throw new MediaException("ffmpeg wrote no frame at " + at + " s of " + video);
            }
        } catch (IOException e) {
            throw new MediaException("cannot read " + jpegOut + ": " + e.getMessage(), e);
        }
    }

    /** Clamps a seek position into [0, duration − max(one frame, 0.1 s)]; an unknown duration (0) gives 0. */
    static double clamp(double atSeconds, double durationSeconds, double fps) {
        double margin = Math.max(END_MARGIN_SECONDS, fps > 0 ? 1 / fps : 0);
        double last = Math.max(0, durationSeconds - margin);
        if (Double.isNaN(atSeconds) || atSeconds < 0) {
            return 0;
        }
        return Math.min(atSeconds, last);
    }

    /** The ffmpeg command that writes the frame at {@code atSeconds} of {@code video} to {@code jpegOut}. */
    public List<String> command(Path video, double atSeconds, Path jpegOut) {
        return FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.file(video).seek(atSeconds))
                .output(FfmpegCommand.Output.file(jpegOut)
                        .frames(1)
                        .option("-q:v", "2")
                        .format("image2")
                        .option("-update", "1"))
                .build();
    }
}
