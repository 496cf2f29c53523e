package io.vodkit.client.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Media as vodkit's output names it in {@code Source} fields: {@code vid://VID} or {@code directurl://FILENAME}
 * (prefixes matched in any case), or a bare value whose kind the caller decides.
 *
 * @param prefixType {@link MediaInput#VID} or {@link MediaInput#DIRECT_URL} when a prefix said so
 * @param value      the Vid or FileName without its prefix, stripped
 */
public record MediaSource(Optional<String> prefixType, String value) {

    public static final String VID_PREFIX = "vid://";
    public static final String DIRECT_URL_PREFIX = "directurl://";

    public static MediaSource parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith(VID_PREFIX)) {
            return new MediaSource(
                    Optional.of(MediaInput.VID),
                    text.substring(VID_PREFIX.length()).strip());
        }
        if (lower.startsWith(DIRECT_URL_PREFIX)) {
            return new MediaSource(
                    Optional.of(MediaInput.DIRECT_URL),
                    text.substring(DIRECT_URL_PREFIX.length()).strip());
        }
        return new MediaSource(Optional.empty(), text.strip());
    }

    /** The prefix of a type: {@code vid://} or {@code directurl://}. */
    public static String prefix(String type) {
        return type.equals(MediaInput.VID) ? VID_PREFIX : DIRECT_URL_PREFIX;
    }
}
