package io.vodkit.emulator.media;

/**
 * The first video stream of a media file, as ffprobe reports it.
 *
 * @param codec the codec name, e.g. {@code h264}
 * @param width the coded width in pixels
 * @param height the coded height in pixels
 * @param fps the average frame rate, 0 when unknown
 * @param bitRate the stream bit rate in bits per second, 0 when the container does not say
 * @param pixFmt the pixel format, e.g. {@code yuv420p10le}; empty when unknown
 * @param bitDepth bits per sample of the pixel format (8 when it cannot be told)
 * @param frames the frame count the container states (MP4 does), 0 when it does not say
 */
public record VideoStreamInfo(
        String codec, int width, int height, double fps, long bitRate, String pixFmt, int bitDepth, long frames) {}
