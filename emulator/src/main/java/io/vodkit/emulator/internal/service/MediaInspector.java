package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.media.Snapshotter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ffprobe and poster extraction for CommitUploadInfo, degrading honestly: without ffmpeg, or for a file ffmpeg
 * cannot read, there is no probe result and no poster, and the upload still commits.
 */
public final class MediaInspector {
    private static final Logger LOG = LoggerFactory.getLogger(MediaInspector.class);

    private final MediaProbe probe;
    private final Snapshotter snapshotter;

    public MediaInspector(Optional<FfmpegTools> tools, Duration processTimeout) {
        ProcessRunner runner = new ProcessRunner(processTimeout);
        this.probe = tools.map(t -> new MediaProbe(t, runner)).orElse(null);
        this.snapshotter = tools.map(t -> new Snapshotter(t, runner)).orElse(null);
        if (tools.isEmpty()) {
            LOG.warn("ffmpeg/ffprobe not found: GetMeta returns storage facts only and Snapshot makes no poster");
        }
    }

    public Optional<ProbeResult> probe(Path file) {
        if (probe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(probe.probe(file));
        } catch (MediaException e) {
            LOG.warn("ffprobe could not read the upload file={} reason={}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes one JPEG frame near {@code atSeconds}; false when ffmpeg is missing or no frame could be made. */
    public boolean snapshot(Path video, double atSeconds, Path jpegOut) {
        if (snapshotter == null) {
            return false;
        }
        try {
            snapshotter.snapshot(video, atSeconds, jpegOut);
            return true;
        } catch (MediaException e) {
            LOG.warn("No poster frame file={} at={} reason={}", video, atSeconds, e.getMessage());
            return false;
        }
    }
}
