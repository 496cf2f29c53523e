package io.vodkit.emulator.restore;

import java.util.List;

/**
 * What a restoration did, so that "real restoration, not a copy" can be seen.
 *
 * @param before the source's analysis
 * @param after the output's analysis
 * @param steps the steps that ran, in order, each with its reason
 * @param filterChain the ffmpeg {@code -vf} chain that ran ({@code null} means pass-through)
 * @param encode the output encoding
 * @param frames frames written to the output
 * @param elapsedSeconds wall time of the whole job (analyses included)
 * @param framesPerSecond output frames per second of the restoration pass (decode, repair, filter, encode)
 * @param notes what the analysis found and the plan left alone, and why
 * @param leftAsIs why the picture was left as it is (the video stream copied), or {@code null} when it was restored
 * @param rate how the output's CRF and bit-rate ceiling were chosen, or {@code null} for a copy or lossless output
 * @param sizeRatio output file size ÷ input file size
 */
public record RestoreReport(
        Analysis before,
        Analysis after,
        List<PlannedStep> steps,
        String filterChain,
        EncodeSettings encode,
        long frames,
        double elapsedSeconds,
        double framesPerSecond,
        List<String> notes,
        String leftAsIs,
        String rate,
        double sizeRatio) {

    public RestoreReport {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}
