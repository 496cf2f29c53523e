package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.MediaException;
import java.nio.file.Path;

/**
 * What the emulator's job service asks of a restoration engine: restore one file into another as a
 * {@link RestoreSpec} says, and report what was found and done. {@link Restorer} is the classical ffmpeg engine; a
 * learned one would be another implementation.
 */
public interface RestorationEngine {

    /** 16-bit (FFV1) output is only made for sources up to this long, as the service documents. */
    double MAX_16_BIT_SOURCE_SECONDS = 40;

    /** The extension an output for {@code spec} should have: {@code .mp4}, or {@code .mkv} for 16-bit FFV1. */
    static String outputExtension(RestoreSpec spec) {
        return EncodeSettings.forBitDepth(spec.bitDepth(), null).extension();
    }

    /**
     * Restores {@code input} into {@code output}; nothing is left at {@code output} when it fails.
     *
     * @throws MediaException when the input has no video, a 16-bit job's source is longer than
     *     {@link #MAX_16_BIT_SOURCE_SECONDS}, or the restoration fails or times out
     */
    RestoreReport restore(Path input, Path output, RestoreSpec spec) throws MediaException;
}
