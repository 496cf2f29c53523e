package io.vodkit.emulator.media;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a before/after comparison, shared by {@code vodkit compare} and the console's before/after view
 * so that both report the same fields, units and rounding.
 */
public final class ComparisonJson {
    private ComparisonJson() {}

    /** {@code value} rounded half-up to {@code decimals} places; NaN and infinities as they are. */
    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** A side's video stream: width, height, fps, duration_s, bitrate_kbps, size_bytes, video_codec. */
    public static Map<String, Object> stream(ProbeResult info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("width", info.video().width());
        json.put("height", info.video().height());
        json.put("fps", round(info.video().fps(), 3));
        json.put("duration_s", round(info.durationSeconds(), 3));
        json.put("bitrate_kbps", round(info.bitRate() / 1000.0, 1));
        json.put("size_bytes", info.sizeBytes());
        json.put("video_codec", info.video().codec());
        return json;
    }

    /** Every {@link Measure} of a side: {@code {name: {value, unit, better}}}. */
    public static Map<String, Object> measures(PictureMeasures measures) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Measure m : Measure.ALL) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("value", round(m.value(measures), 3));
            one.put("unit", m.unit());
            one.put("better", m.better());
            json.put(m.name(), one);
        }
        return json;
    }

    /** Per measure: is AFTER better, worse or the same as BEFORE. */
    public static Map<String, List<String>> changes(PictureMeasures before, PictureMeasures after) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        changes.put("better", new ArrayList<>());
        changes.put("worse", new ArrayList<>());
        changes.put("same", new ArrayList<>());
        for (Measure m : Measure.ALL) {
            changes.get(m.change(before, after)).add(m.name());
        }
        return changes;
    }

    /** PSNR (dB, 2 places) and SSIM (0-1, 4 places) per plane. */
    public static Map<String, Object> scores(ReferenceScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("psnr", planes(score.psnr(), "dB", 2));
        json.put("ssim", planes(score.ssim(), "0-1", 4));
        return json;
    }

    private static Map<String, Object> planes(PlaneScores s, String unit, int decimals) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("y", round(s.y(), decimals));
        json.put("u", round(s.u(), decimals));
        json.put("v", round(s.v(), decimals));
        json.put("all", round(s.all(), decimals));
        json.put("unit", unit);
        json.put("better", "higher");
        return json;
    }
}
