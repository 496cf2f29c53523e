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
 */
public record RestoreReport(Analysis before, Analysis after, List<PlannedStep> steps, String filterChain,
                            EncodeSettings encode, long frames, double elapsedSeconds, double framesPerSecond) {

  public RestoreReport {
    steps = List.copyOf(steps);
  }
}
