package io.vodkit.client.internal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Operation.Task.Enhance.MoeEnhance} of StartExecution (spec §9.1).
 *
 * @param config      {@code common}, {@code ugc}, {@code short_series}, {@code aigc} or {@code old_film}
 * @param repairStyle 1 (Standard) or 2 (Pro)
 * @param res         {@code Target.Res} ({@code 240p} … {@code 4k}), or {@code null} to keep the source resolution
 * @param bitDepth    {@code Target.BitDepth} (8, 10, 12, 16; Pro only), or {@code null} for the default
 */
public record MoeEnhance(String config, int repairStyle, String res, Integer bitDepth) {

    public MoeEnhance {
        Objects.requireNonNull(config, "config == null");
    }

    /** {@code {"Config", "VideoStrategy":{"RepairStyle","RepairStrength":0}, "Target":{…}}}; no Target when empty. */
    Map<String, Object> toJson() {
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("RepairStyle", repairStyle);
        strategy.put("RepairStrength", 0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Config", config);
        json.put("VideoStrategy", strategy);
        Map<String, Object> target = new LinkedHashMap<>();
        if (res != null) {
            target.put("Res", res);
        }
        if (bitDepth != null) {
            target.put("BitDepth", bitDepth);
        }
        if (!target.isEmpty()) {
            json.put("Target", target);
        }
        return json;
    }
}
