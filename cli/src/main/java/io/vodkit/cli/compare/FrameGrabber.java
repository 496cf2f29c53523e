package io.vodkit.cli.compare;

import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Decodes one frame at a moment of a video, scaled (bicubic) to a given size, into an RGB image. */
final class FrameGrabber {
    private final FfmpegTools tools;
    private final CommandRunner runner;

    FrameGrabber(FfmpegTools tools, CommandRunner runner) {
        this.tools = tools;
        this.runner = runner;
    }

    /**
     * The frame at {@code seconds} (the first frame when the video ends before), {@code width × height}.
     *
     * @throws MediaException when no frame decodes at all
     */
    BufferedImage grab(Path video, double seconds, int width, int height) throws MediaException {
        BufferedImage image = read(video, seconds, width, height);
        if (image == null && seconds > 0) {
            image = read(video, 0, width, height);
        }
        if (image == null) {
            throw new MediaException("no frame decodes from " + video);
        }
        return image;
    }

    List<String> command(Path video, double seconds, int width, int height) {
        return FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.file(video).seek(seconds))
                .output(FfmpegCommand.Output.stdout()
                        .map("0:v:0")
                        .frames(1)
                        .videoFilter("scale=" + width + ":" + height + ":flags=bicubic")
                        .format("rawvideo")
                        .pixelFormat("rgb24"))
                .build();
    }

    private BufferedImage read(Path video, double seconds, int width, int height) throws MediaException {
        AtomicReference<BufferedImage> frame = new AtomicReference<>();
        runner.run(command(video, seconds, width, height), null, stdout -> {
            InputStream in = new BufferedInputStream(stdout);
            byte[] rgb = in.readNBytes(width * height * 3);
            if (rgb.length == width * height * 3) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                int[] pixels = new int[width * height];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
                }
                image.setRGB(0, 0, width, height, pixels, 0, width);
                frame.set(image);
            }
            in.transferTo(OutputStream.nullOutputStream());
        });
        return frame.get();
    }
}
