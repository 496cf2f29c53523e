package io.vodkit.emulator.restore;

/**
 * Old-film damage found by {@link DamageDetector} on a run of consecutive luma frames.
 *
 * @param scratchColumnsPerFrame mean number of pixel columns per frame holding a full-height scratch
 * @param dustPixelsPerFrame mean number of pixels per frame that flash for one frame only (dust, dirt)
 * @param damagedPixelPercent scratch and dust pixels as a percentage of all analysed pixels
 */
public record FilmDamage(double scratchColumnsPerFrame, double dustPixelsPerFrame, double damagedPixelPercent) {

    public static final FilmDamage NONE = new FilmDamage(0, 0, 0);
}
