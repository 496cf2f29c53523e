package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code VideoStreamMeta} of a {@code SourceInfo} (spec §7.3) and of a restoration's output (§9.2); {@code Bitrate}
 * in kbit/s, as the SDKs' comments have it (media-management.md A18 question 6).
 */
public record VideoStreamMeta(
        @JsonProperty("Codec") String codec,
        @JsonProperty("Width") int width,
        @JsonProperty("Height") int height,
        @JsonProperty("Duration") double duration,
        @JsonProperty("Definition") String definition,
        @JsonProperty("Bitrate") long bitrate,
        @JsonProperty("Fps") double fps) {}
