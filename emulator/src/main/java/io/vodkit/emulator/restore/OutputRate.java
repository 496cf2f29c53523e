package io.vodkit.emulator.restore;

import java.util.Locale;

/**
 * How much bit rate a restored video gets: the input's quality class picks the CRF, and a VBV ceiling keeps the output
 * at most {@link #MAX_SIZE_RATIO} × the input's video bit rate at the input's resolution, scaled by the pixel ratio
 * to the power {@link #PIXEL_EXPONENT} when the resolution changes (encoders need less than proportionally more
 * bits for more pixels of the same picture). A near-lossless input keeps CRF 16; a starved one gets CRF 20, since
 * there is no detail left for a lower CRF to keep. Without a known input bit rate there is no ceiling.
 *
 * @param crf the x264/x265 constant rate factor
 * @param maxKbps the VBV ceiling in kbit/s (buffer of half a second), or {@code null} for none
 * @param rule how the two were chosen, for the job report
 */
public record OutputRate(int crf, Integer maxKbps, String rule) {

    /** Output at most this many times the input's bit rate at the same resolution. */
    public static final double MAX_SIZE_RATIO = 1.5;
    /** Bit rate grows with the pixel count to this power when the resolution changes. */
    public static final double PIXEL_EXPONENT = 0.75;
    /** Bits per pixel per frame at and above which an input is "high quality" (CRF 16). */
    public static final double HIGH_BPP = 0.15;
    /** Bits per pixel per frame below which an input is "low quality" (CRF 20). */
    public static final double LOW_BPP = 0.05;

    /**
     * @param sourceKbps the input's video bit rate in kbit/s, 0 when unknown
     * @param sourcePixels input width × height
     * @param fps the input's frame rate, 0 when unknown
     * @param targetPixels output width × height
     */
    public static OutputRate of(double sourceKbps, long sourcePixels, double fps, long targetPixels) {
        if (sourceKbps <= 0 || sourcePixels <= 0) {
            return new OutputRate(
                    EncodeSettings.CRF, null, "input bit rate unknown → CRF " + EncodeSettings.CRF + ", no ceiling");
        }
        double bpp = sourceKbps * 1000 / (sourcePixels * (fps > 0 ? fps : 25));
        int crf = bpp >= HIGH_BPP ? 16 : bpp >= LOW_BPP ? 18 : 20;
        String quality = bpp >= HIGH_BPP ? "high" : bpp >= LOW_BPP ? "medium" : "low";
        double scale = Math.pow((double) targetPixels / sourcePixels, PIXEL_EXPONENT);
        int max = (int) Math.max(1, Math.round(MAX_SIZE_RATIO * sourceKbps * scale));
        return new OutputRate(
                crf,
                max,
                String.format(
                        Locale.ROOT,
                        "input %.0f kb/s, %.3f bits/pixel (%s quality) → CRF %d, at most %d kb/s (%.1f × input%s)",
                        sourceKbps,
                        bpp,
                        quality,
                        crf,
                        max,
                        MAX_SIZE_RATIO,
                        targetPixels == sourcePixels
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " × (pixels %.2f×)^%.2f",
                                        (double) targetPixels / sourcePixels,
                                        PIXEL_EXPONENT)));
    }
}
