package io.vodkit.emulator.media;

/**
 * How close a video is to a reference, frame by frame from each one's first frame, after scaling it to the
 * reference's size.
 *
 * @param psnr mean PSNR in dB per plane; {@link ReferenceScorer#IDENTICAL_PSNR} stands for identical pictures
 *     (ffmpeg's {@code inf})
 * @param ssim mean SSIM per plane, 0 to 1
 * @param startSeconds where in both videos the scored window starts
 * @param seconds how long the scored window is (0: to the end of the shorter one)
 */
public record ReferenceScore(PlaneScores psnr, PlaneScores ssim, double startSeconds, double seconds) {}
