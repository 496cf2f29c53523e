package io.vodkit.cli.compare;

import io.vodkit.emulator.media.PictureMeasures;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.VideoStreamInfo;
import java.nio.file.Path;

/**
 * One video being compared: where it came from, the local file measured, ffprobe's facts and the no-reference
 * measures.
 *
 * @param source what the user named (a path, a URL, vid://…, directurl://…)
 * @param file the local file (downloaded to the cache for remote media)
 */
record Side(String source, Path file, ProbeResult probe, PictureMeasures measures) {

    VideoStreamInfo video() {
        return probe.video();
    }

    String size() {
        return video().width() + "x" + video().height();
    }

    double aspect() {
        return (double) video().width() / video().height();
    }
}
