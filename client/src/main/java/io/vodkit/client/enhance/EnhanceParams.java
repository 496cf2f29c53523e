package io.vodkit.client.enhance;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.internal.api.MoeEnhance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The restoration parameters of the original skill's {@code quality_enhance.py} (spec §11), validated before any
 * request is made.
 *
 * <pre>{@code
 * {"type": "Vid" | "DirectUrl", "video": "v0…" | "vid://v0…" | "directurl://path/in/space.mp4",
 *  "config": "common" | "ugc" | "short_series" | "aigc" | "old_film", "repair_style": 1 | 2,
 *  "res": "240p" … "4k" | "original" (optional), "bit_depth": 8 | 10 | 12 | 16 (optional, Pro only)}
 * }</pre>
 *
 * @param type        {@link MediaInput#VID} or {@link MediaInput#DIRECT_URL}
 * @param video       the Vid or FileName, without its {@code vid://} / {@code directurl://} prefix
 * @param config      the template
 * @param repairStyle {@link #STANDARD} or {@link #PRO}
 * @param res         the target resolution in lower case, or {@code null} for the source resolution
 * @param bitDepth    the output bit depth, or {@code null} for the service default
 */
public record EnhanceParams(String type, String video, String config, int repairStyle, String res, Integer bitDepth) {

    public static final int STANDARD = 1;
    public static final int PRO = 2;
    /** 16-bit output is accepted for sources of at most this many seconds. */
    public static final double MAX_16_BIT_SECONDS = 40;

    public static final List<String> CONFIGS = List.of("common", "ugc", "short_series", "aigc", "old_film");
    public static final List<String> RESOLUTIONS = List.of("240p", "360p", "480p", "540p", "720p", "1080p", "2k", "4k");
    public static final List<Integer> BIT_DEPTHS = List.of(8, 10, 12, 16);
    /** {@code res} values meaning "keep the source resolution". */
    static final Set<String> ORIGINAL = Set.of("", "original", "source", "same", "native", "none", "default");
    /** The kinds of video, in the words the user chooses from (the {@link #CONFIGS} in order). */
    static final String KINDS = "general video, short video / user-generated content, short drama / short series, "
            + "AI-generated content, or old film or classic footage that needs repair";

    static final Set<String> FIELDS = Set.of("type", "video", "config", "repair_style", "res", "bit_depth");

    /** The outcome of {@link #parse}: valid parameters, or every violation found. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(EnhanceParams params) implements Parsed {}

    /** @param violations in field order; never empty */
    public record Invalid(List<Violation> violations) implements Parsed {

        public Invalid {
            violations = List.copyOf(violations);
        }

        /** The messages, for a person, as one text. */
        public String message() {
            return String.join("; ", violations.stream().map(Violation::message).toList());
        }

        /** The parameters at fault, each once, in order. */
        public List<String> parameters() {
            return violations.stream().map(Violation::parameter).distinct().toList();
        }
    }

    /**
     * One problem with the parameters.
     *
     * @param parameter the field at fault (a code for programs: {@code config}, {@code repair_style}, …)
     * @param message   what is wrong, in the words a person chooses with (video type, tier, resolution, color
     *                  depth), never the field names or codes, and never the value given
     */
    public record Violation(String parameter, String message) {}

    public EnhanceParams {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(video, "video == null");
        Objects.requireNonNull(config, "config == null");
    }

    public boolean pro() {
        return repairStyle == PRO;
    }

    /** The video as a reference: {@code vid://…} or {@code directurl://…}. */
    public String source() {
        return MediaSource.prefix(type) + video;
    }

    /** The StartExecution input; a DirectUrl names {@code spaceName}. */
    public MediaInput input(String spaceName) {
        return MediaInput.VID.equals(type) ? MediaInput.vid(video) : MediaInput.directUrl(video, spaceName);
    }

    MoeEnhance moeEnhance() {
        return new MoeEnhance(config, repairStyle, res, bitDepth);
    }

    /**
     * The violation of the 16-bit duration rule for a source of {@code seconds}, if any.
     *
     * @param seconds the source duration; unknown (≤ 0) never violates
     */
    public Optional<String> durationViolation(double seconds) {
        if (bitDepth == null || bitDepth != 16 || seconds <= MAX_16_BIT_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "16-bit color depth is available only for videos of at most %.0f seconds; this one is %.1f seconds",
                MAX_16_BIT_SECONDS,
                seconds));
    }

    /** Validates the parameters object; pure (no I/O). */
    public static Parsed parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        if (json == null || !json.isObject()) {
            return new Invalid(List.of(new Violation("PARAMS", "the restoration settings must be one JSON object")));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "the restoration settings hold a field vodkit does not know"));
            }
        }
        MediaSource source = MediaSource.parse(text(json.get("video")).orElse(""));
        String video = source.value();
        String prefixType = source.prefixType().orElse(null);
        String type = type(json.get("type"), prefixType, violations);
        if (video.isBlank()) {
            violations.add(new Violation(
                    "video",
                    "which video to restore is missing: its Vid (vid://…) or its file "
                            + "name in the space (directurl://…)"));
        }
        String config = text(json.get("config")).orElse("");
        if (config.isEmpty()) {
            violations.add(new Violation("config", "the kind of video is missing: " + KINDS));
        } else if (!CONFIGS.contains(config)) {
            violations.add(new Violation("config", "the kind of video is not one vodkit knows: " + KINDS));
        }
        Integer repairStyle = whole(json.get("repair_style"));
        if (text(json.get("repair_style")).isEmpty() && !isBoolean(json.get("repair_style"))) {
            violations.add(new Violation("repair_style", "the restoration tier is missing: Standard or Pro"));
        } else if (repairStyle == null || (repairStyle != STANDARD && repairStyle != PRO)) {
            violations.add(new Violation("repair_style", "the restoration tier must be Standard or Pro"));
        }
        String res = text(json.get("res")).map(r -> r.toLowerCase(Locale.ROOT)).orElse("");
        if (ORIGINAL.contains(res)) {
            res = null;
        } else if (!RESOLUTIONS.contains(res)) {
            violations.add(new Violation(
                    "res",
                    "the output resolution must be the same as the source or one of "
                            + "240p, 360p, 480p, 540p, 720p, 1080p, 2K, 4K"));
        }
        Integer bitDepth = null;
        JsonNode bitDepthNode = json.get("bit_depth");
        if (bitDepthNode != null
                && !bitDepthNode.isNull()
                && !bitDepthNode.asText().isEmpty()) {
            bitDepth = whole(bitDepthNode);
            if (bitDepth == null || !BIT_DEPTHS.contains(bitDepth)) {
                violations.add(new Violation("bit_depth", "the color depth must be 8-bit, 10-bit, 12-bit or 16-bit"));
            } else if (repairStyle != null && repairStyle != PRO) {
                violations.add(new Violation("bit_depth", "a color depth can be chosen only with the Pro tier"));
            }
        }
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(new EnhanceParams(type, video.strip(), config, repairStyle, res, bitDepth));
    }

    private static String type(JsonNode node, String prefixType, List<Violation> violations) {
        Optional<String> given = text(node);
        if (given.isEmpty()) {
            return prefixType == null ? MediaInput.VID : prefixType;
        }
        String type = switch (given.get().toLowerCase(Locale.ROOT)) {
            case "vid" -> MediaInput.VID;
            case "directurl" -> MediaInput.DIRECT_URL;
            default -> null;
        };
        if (type == null) {
            violations.add(
                    new Violation("type", "the video must be named by its Vid or by its file name in the space"));
            return MediaInput.VID;
        }
        if (prefixType != null && !prefixType.equals(type)) {
            violations.add(new Violation(
                    "type",
                    "the video is named as " + describe(prefixType) + " (" + MediaSource.prefix(prefixType)
                            + "…) but said to be " + describe(type)));
        }
        return type;
    }

    private static String describe(String type) {
        return MediaInput.VID.equals(type) ? "a Vid" : "a file name";
    }

    /** A string value (numbers as their text); empty for absent, null, booleans and containers. */
    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isBoolean() || node.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(node.asText().strip()).filter(s -> !s.isEmpty());
    }

    private static boolean isBoolean(JsonNode node) {
        return node != null && node.isBoolean();
    }

    /** A whole number given as a JSON integer or a numeric string; {@code null} otherwise (booleans included). */
    private static Integer whole(JsonNode node) {
        if (node == null || node.isNull() || node.isBoolean() || node.isContainerNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? (int) value : null;
        }
        try {
            return Integer.parseInt(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
