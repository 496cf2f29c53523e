package io.vodkit.cli.compare;

import io.vodkit.emulator.media.PlaneScores;
import io.vodkit.emulator.media.ReferenceScore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A full-reference score of one video against another, or why none could be taken.
 *
 * @param score the score, or {@code null} when the two do not show the same content
 * @param reason why they are not comparable, or {@code null}
 */
record Fidelity(ReferenceScore score, String reason) {

    /** Y-PSNR at or above this, or Y-SSIM at or above {@link #SAME_CONTENT_SSIM}, means the same content. */
    static final double SAME_CONTENT_PSNR = 20;
    static final double SAME_CONTENT_SSIM = 0.7;

    static Fidelity notComparable(String reason) {
        return new Fidelity(null, reason);
    }

    boolean comparable() {
        return score != null;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("psnr", planes(score.psnr(), "dB", 2));
        json.put("ssim", planes(score.ssim(), "0-1", 4));
        if (score.seconds() > 0) {
            json.put("window", Map.of("start_s", Numbers.round(score.startSeconds(), 2), "seconds",
                    Numbers.round(score.seconds(), 2)));
        }
        return json;
    }

    private static Map<String, Object> planes(PlaneScores s, String unit, int decimals) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("y", Numbers.round(s.y(), decimals));
        json.put("u", Numbers.round(s.u(), decimals));
        json.put("v", Numbers.round(s.v(), decimals));
        json.put("all", Numbers.round(s.all(), decimals));
        json.put("unit", unit);
        json.put("better", "higher");
        return json;
    }
}
