package io.vodkit.emulator.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.restore.RestoreSpec;
import java.util.Locale;

/**
 * The values of {@code Operation.Task.Enhance.MoeEnhance} (spec §9.1), read leniently (numbers may be strings) and
 * checked by {@link #spec()}. A value the service would refuse makes the job fail with
 * {@code InvalidParameter.InvalidParam}; it is not an error of the StartExecution call itself.
 */
public record EnhanceParameters(JsonNode moeEnhance) {
    static final int MIN_RES_LIMIT = 64;
    static final int MAX_RES_LIMIT = 2160;
    static final double MAX_FPS = 120;

    /** The configured template as sent ({@code ""} when absent). */
    public String config() {
        return moeEnhance.path("Config").asText("");
    }

    /** {@code VideoStrategy.RepairStyle}, or 0 when absent or not a whole number. */
    public int repairStyleOrZero() {
        try {
            Integer style = whole(moeEnhance.path("VideoStrategy"), "RepairStyle");
            return style == null ? 0 : style;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * The restoration these values ask for.
     *
     * @throws IllegalArgumentException naming the first invalid value
     */
    public RestoreSpec spec() {
        String config = config();
        if (!RestoreSpec.CONFIGS.contains(config)) {
            throw new IllegalArgumentException(
                    "Config must be one of common, ugc, short_series, aigc, old_film; got '" + config + "'");
        }
        Integer style = whole(moeEnhance.path("VideoStrategy"), "RepairStyle");
        if (style == null || (style != RestoreSpec.STANDARD && style != RestoreSpec.PRO)) {
            throw new IllegalArgumentException(
                    "VideoStrategy.RepairStyle must be 1 (Standard) or 2 (Pro); got " + style);
        }
        JsonNode target = moeEnhance.path("Target");
        String res = target.path("Res").asText("").toLowerCase(Locale.ROOT);
        Integer resLimit = whole(target, "ResLimit");
        if (!res.isEmpty() && resLimit != null) {
            throw new IllegalArgumentException("Target.Res and Target.ResLimit must not both be set");
        }
        Integer height = null;
        if (!res.isEmpty()) {
            height = RestoreSpec.heightOfRes(res)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Target.Res must be one of 240p, 360p, 480p, 540p, 720p, 1080p, 2k, 4k; got '" + res
                                    + "'"));
        } else if (resLimit != null) {
            if (resLimit < MIN_RES_LIMIT || resLimit > MAX_RES_LIMIT) {
                throw new IllegalArgumentException(
                        "Target.ResLimit must be in [" + MIN_RES_LIMIT + ", " + MAX_RES_LIMIT + "]; got " + resLimit);
            }
            height = resLimit;
        }
        Integer fps = null;
        if (!target.path("Fps").isMissingNode()
                && !target.path("Fps").asText("").isEmpty()) {
            double value = target.path("Fps").asDouble(-1);
            if (!(value > 0 && value <= MAX_FPS)) {
                throw new IllegalArgumentException("Target.Fps must be in (0, 120]; got " + target.path("Fps"));
            }
            fps = (int) Math.max(1, Math.round(value));
        }
        Integer bitDepth = whole(target, "BitDepth");
        if (bitDepth != null && !RestoreSpec.BIT_DEPTHS.contains(bitDepth)) {
            throw new IllegalArgumentException("Target.BitDepth must be 8, 10, 12 or 16; got " + bitDepth);
        }
        if (bitDepth != null && style != RestoreSpec.PRO) {
            throw new IllegalArgumentException("Target.BitDepth is supported only with RepairStyle 2 (Pro)");
        }
        return new RestoreSpec(config, style, height, fps, bitDepth == null ? 8 : bitDepth);
    }

    /** A whole number field: absent, null, {@code ""} or 0 → null. */
    private static Integer whole(JsonNode parent, String name) {
        JsonNode value = parent.path(name);
        if (value.isMissingNode() || value.isNull() || value.asText("").isEmpty()) {
            return null;
        }
        double number;
        try {
            number = value.isNumber()
                    ? value.asDouble()
                    : Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number; got " + value);
        }
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number; got " + value);
        }
        return number == 0 ? null : (int) number;
    }
}
