package io.vodkit.emulator.media;

/**
 * The first audio stream of a media file, as ffprobe reports it.
 *
 * @param codec the codec name, e.g. {@code aac}
 * @param sampleRate samples per second
 * @param channels the channel count
 * @param bitRate the stream bit rate in bits per second, 0 when the container does not say
 * @param durationSeconds the stream duration, 0 when the container does not say
 */
public record AudioStreamInfo(String codec, int sampleRate, int channels, long bitRate, double durationSeconds) {}
