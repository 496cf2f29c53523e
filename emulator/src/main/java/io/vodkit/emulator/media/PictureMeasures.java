package io.vodkit.emulator.media;

/**
 * No-reference measures of a video's picture, taken on a window of frames (see {@link PictureMeter}).
 *
 * @param noiseSigma Immerkær's noise estimate σ̂ on the luma plane (8-bit levels), median over the luma frames
 * @param blockiness mean of ffmpeg {@code blockdetect} (this ffmpeg build prints about 10 for a clean test pattern
 *     and 50 for H.264 CRF 38)
 * @param blur mean of ffmpeg {@code blurdetect} (Marziliano edge width in pixels; higher is softer)
 * @param bandingPercent percentage of luma pixels on false contours (1-2 level steps between flat runs)
 * @param flickerPercent standard deviation of the per-frame mean luma, as a percentage of its mean
 * @param framesAnalysed how many frames the ffmpeg statistics measured (every {@link PictureMeter#STATS_STRIDE}th)
 */
public record PictureMeasures(
        double noiseSigma,
        double blockiness,
        double blur,
        double bandingPercent,
        double flickerPercent,
        int framesAnalysed) {}
