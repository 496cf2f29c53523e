package io.vodkit.emulator.restore;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a restoration job asks for, in the terms of {@code StartExecution}'s {@code MoeEnhance}.
 *
 * @param config the template: {@code common}, {@code ugc}, {@code short_series}, {@code aigc} or {@code old_film}
 * @param repairStyle {@link #STANDARD} (1) or {@link #PRO} (2)
 * @param targetHeight the output height in pixels, or {@code null} to keep the source's
 * @param fps the output frame rate, or {@code null} to keep the source's
 * @param bitDepth the output bit depth: 8 (H.264), 10 or 12 (H.265) or 16 (FFV1 in Matroska)
 */
public record RestoreSpec(String config, int repairStyle, Integer targetHeight, Integer fps, int bitDepth) {

    public static final int STANDARD = 1;
    public static final int PRO = 2;
    public static final Set<String> CONFIGS = Set.of("common", "ugc", "short_series", "aigc", "old_film");
    public static final Set<Integer> BIT_DEPTHS = Set.of(8, 10, 12, 16);

    private static final Map<String, Integer> RES_HEIGHTS = Map.of(
            "240p", 240, "360p", 360, "480p", 480, "540p", 540, "720p", 720, "1080p", 1080, "2k", 1440, "4k", 2160);

    public RestoreSpec {
        Objects.requireNonNull(config, "config == null");
        if (!CONFIGS.contains(config)) {
            throw new IllegalArgumentException("config must be one of " + CONFIGS + ": " + config);
        }
        if (repairStyle != STANDARD && repairStyle != PRO) {
            throw new IllegalArgumentException("repairStyle must be 1 (Standard) or 2 (Pro): " + repairStyle);
        }
        if (targetHeight != null && (targetHeight < 16 || targetHeight > 4320)) {
            throw new IllegalArgumentException("targetHeight must be in [16, 4320]: " + targetHeight);
        }
        if (fps != null && (fps < 1 || fps > 120)) {
            throw new IllegalArgumentException("fps must be in [1, 120]: " + fps);
        }
        if (!BIT_DEPTHS.contains(bitDepth)) {
            throw new IllegalArgumentException("bitDepth must be 8, 10, 12 or 16: " + bitDepth);
        }
    }

    /** A Standard, 8-bit job for {@code config} at the source's size and frame rate. */
    public static RestoreSpec standard(String config) {
        return new RestoreSpec(config, STANDARD, null, null, 8);
    }

    public boolean pro() {
        return repairStyle == PRO;
    }

    /**
     * The height a {@code Target.Res} value names ({@code 2k} = 1440, {@code 4k} = 2160).
     *
     * @return empty for an unknown value
     */
    public static Optional<Integer> heightOfRes(String res) {
        return Optional.ofNullable(res == null ? null : RES_HEIGHTS.get(res.toLowerCase(Locale.ROOT)));
    }
}
