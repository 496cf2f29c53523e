package io.vodkit.bench;

import io.vodkit.emulator.restore.RestoreSpec;
import java.nio.file.Path;

/**
 * One benchmark job: a degraded clip, the clean clip it is scored against, and the restoration asked for.
 *
 * @param degradation what was done to the clean clip
 * @param degraded the damaged clip
 * @param reference the clean clip
 * @param spec the restoration
 */
record BenchCase(String degradation, Path degraded, Path reference, RestoreSpec spec) {

    String tier() {
        return spec.pro() ? "Pro" : "Standard";
    }
}
