package io.vodkit.emulator.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Streams a video through Java: one ffmpeg decodes the first video stream to raw {@code yuv420p} frames, a
 * {@link FrameProcessor} changes them (holding three frames at a time), and a second ffmpeg encodes them. The
 * encoder gets the raw frames as input 0 and the original file as input 1, so its arguments can map audio from it.
 */
public final class FramePipeline {

    private static final int PIPE_BUFFER_BYTES = 1 << 20;

    private final FfmpegTools tools;
    private final CommandRunner runner;

    public FramePipeline(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
    }

    /**
     * Runs the pipeline.
     *
     * @param input the source file
     * @param video the source's video stream (size and frame rate of the raw frames)
     * @param processor changes each frame in place
     * @param encoding adds the maps and encoder options to the encoder's output
     * @param output the file the encoder writes
     * @return the number of frames that went through
     * @throws MediaException when either ffmpeg fails or times out
     */
    public long run(
            Path input,
            VideoStreamInfo video,
            FrameProcessor processor,
            UnaryOperator<FfmpegCommand.Output> encoding,
            Path output)
            throws MediaException {
        Objects.requireNonNull(processor, "processor == null");
        AtomicLong frames = new AtomicLong();
        double delay = new MediaProbe(tools, runner).videoStartDelaySeconds(input);
        List<String> encoder = encodeCommand(input, video, delay, encoding, output);
        runner.run(
                decodeCommand(input),
                null,
                decoded -> runner.run(
                        encoder,
                        encoderStdin ->
                                frames.set(pump(decoded, encoderStdin, video.width(), video.height(), processor)),
                        null));
        return frames.get();
    }

    /**
     * The decoder: first video stream as raw {@code yuv420p} on stdout at its coded size (no autorotation, so the
     * frames match the probed width and height), each decoded frame exactly once (the encoder re-times them at the
     * probed average frame rate).
     */
    public List<String> decodeCommand(Path input) {
        return FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.file(input).noAutorotate())
                .output(FfmpegCommand.Output.stdout()
                        .map("0:v:0")
                        .keepTimestamps()
                        .format("rawvideo")
                        .pixelFormat("yuv420p"))
                .build();
    }

    /**
     * The encoder: raw frames from stdin as input 0 (delayed by {@code videoDelaySeconds}, the source video's start
     * after its first stream, to keep audio in sync), {@code input} as input 1, then what {@code encoding} adds.
     */
    public List<String> encodeCommand(
            Path input,
            VideoStreamInfo video,
            double videoDelaySeconds,
            UnaryOperator<FfmpegCommand.Output> encoding,
            Path output) {
        FfmpegCommand.Input frames =
                FfmpegCommand.Input.stdin().rawVideo("yuv420p", video.width(), video.height(), frameRate(video.fps()));
        if (videoDelaySeconds > 0) {
            frames.option("-itsoffset", String.format(Locale.ROOT, "%.6f", videoDelaySeconds));
        }
        return FfmpegCommand.of(tools)
                .overwrite()
                .input(frames)
                .input(FfmpegCommand.Input.file(input))
                .output(encoding.apply(FfmpegCommand.Output.file(output)))
                .build();
    }

    static String frameRate(double fps) {
        if (fps <= 0) {
            return "25";
        }
        return String.format(Locale.ROOT, "%.6f", fps).replaceAll("\\.?0+$", "");
    }

    private static long pump(
            InputStream decoded, OutputStream encoderStdin, int width, int height, FrameProcessor processor)
            throws IOException {
        InputStream in = new BufferedInputStream(decoded, PIPE_BUFFER_BYTES);
        OutputStream out = new BufferedOutputStream(encoderStdin, PIPE_BUFFER_BYTES);
        YuvFrame previous = null;
        YuvFrame current = new YuvFrame(width, height);
        if (!current.readFrom(in)) {
            return 0;
        }
        YuvFrame spare = new YuvFrame(width, height);
        long count = 0;
        while (true) {
            YuvFrame next = spare.readFrom(in) ? spare : null;
            processor.process(previous, current, next);
            current.writeTo(out);
            count++;
            if (next == null) {
                break;
            }
            spare = previous == null ? new YuvFrame(width, height) : previous;
            previous = current;
            current = next;
        }
        out.flush();
        return count;
    }
}
