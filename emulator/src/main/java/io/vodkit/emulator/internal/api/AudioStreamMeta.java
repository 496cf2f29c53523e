package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code AudioStreamMeta} of a {@code SourceInfo} (spec §7.3) and of a restoration's output; {@code Bitrate} in kbit/s. */
public record AudioStreamMeta(
        @JsonProperty("Codec") String codec,
        @JsonProperty("Duration") double duration,
        @JsonProperty("SampleRate") int sampleRate,
        @JsonProperty("Bitrate") long bitrate,
        @JsonProperty("Channels") int channels) {}
