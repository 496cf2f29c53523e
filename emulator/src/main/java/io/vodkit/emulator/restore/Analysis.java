package io.vodkit.emulator.restore;

/**
 * What a video looks like before (or after) restoration, measured on a window of frames.
 *
 * @param codec the video codec name from ffprobe
 * @param width the frame width in pixels
 * @param height the frame height in pixels
 * @param fps the frame rate (0 when unknown)
 * @param durationSeconds the duration (0 when unknown)
 * @param bitDepth bits per sample of the video stream
 * @param noiseSigma Immerkær's noise estimate σ̂ on the luma plane (8-bit levels), median over the analysed frames
 * @param blockiness mean of ffmpeg {@code blockdetect} (this ffmpeg build prints about 10 for a clean test pattern
 *     and 50 for H.264 CRF 38)
 * @param blur mean of ffmpeg {@code blurdetect} (Marziliano edge width; higher is softer)
 * @param flickerPercent standard deviation of the per-frame mean luma, as a percentage of its mean
 * @param bandingPercent percentage of luma pixels on false contours (1-2 level steps between flat runs)
 * @param damage old-film scratch and dust measures
 * @param framesAnalysed how many frames the statistics cover
 */
public record Analysis(
        String codec,
        int width,
        int height,
        double fps,
        double durationSeconds,
        int bitDepth,
        double noiseSigma,
        double blockiness,
        double blur,
        double flickerPercent,
        double bandingPercent,
        FilmDamage damage,
        int framesAnalysed) {}
