package io.vodkit.emulator.media;

/**
 * One full-reference score per plane of a YUV picture, and ffmpeg's whole-picture figure.
 *
 * @param y the luma plane
 * @param u the first chroma plane
 * @param v the second chroma plane
 * @param all ffmpeg's figure over all planes (PSNR: {@code average}, SSIM: {@code All})
 */
public record PlaneScores(double y, double u, double v, double all) {}
