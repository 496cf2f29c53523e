package io.vodkit.emulator.media;

/**
 * What ffprobe reports about a media file.
 *
 * @param formatName the container format name(s), e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationSeconds the container duration, 0 when unknown
 * @param bitRate the overall bit rate in bits per second, 0 when unknown
 * @param sizeBytes the file size in bytes
 * @param video the first video stream (cover art excluded), or {@code null}
 * @param audio the first audio stream, or {@code null}
 */
public record ProbeResult(
        String formatName,
        double durationSeconds,
        long bitRate,
        long sizeBytes,
        VideoStreamInfo video,
        AudioStreamInfo audio) {

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
