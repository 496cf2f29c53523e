package io.vodkit.emulator.media;

/** Changes decoded frames in place, seeing each frame's neighbours; used by {@link FramePipeline}. */
@FunctionalInterface
public interface FrameProcessor {

    /**
     * Processes {@code current} in place. {@code previous} has already been processed; {@code next} has not.
     *
     * @param previous the frame before, or {@code null} for the first frame
     * @param current the frame to change
     * @param next the frame after, or {@code null} for the last frame
     */
    void process(YuvFrame previous, YuvFrame current, YuvFrame next);
}
