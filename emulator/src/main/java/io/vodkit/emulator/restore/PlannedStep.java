package io.vodkit.emulator.restore;

/**
 * One restoration step and why the plan chose it.
 *
 * @param name a short name, e.g. {@code denoise}
 * @param engine where the step runs
 * @param filter the ffmpeg filter (for {@link Engine#FFMPEG}) or a description of the Java repair
 * @param reason the measurement and rule that called for it, e.g. {@code σ̂=8.8 > 2.5 → hqdn3d=26.4:26.4:17.6:17.6}
 */
public record PlannedStep(String name, Engine engine, String filter, String reason) {

    /** Where a step runs. */
    public enum Engine {
        /** An ffmpeg filter in the encoder's filter chain. */
        FFMPEG,
        /** Frame repair in Java between a decoder and an encoder pipe. */
        JAVA
    }

    static PlannedStep ffmpeg(String name, String filter, String reason) {
        return new PlannedStep(name, Engine.FFMPEG, filter, reason);
    }
}
