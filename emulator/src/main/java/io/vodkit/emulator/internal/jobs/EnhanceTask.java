package io.vodkit.emulator.internal.jobs;

import io.vodkit.emulator.Disk;
import io.vodkit.emulator.internal.api.EnhanceOutput;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.ExecutionRecord;
import io.vodkit.emulator.internal.db.ExecutionRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.service.SourceInfos;
import io.vodkit.emulator.internal.service.SourceOutputs;
import io.vodkit.emulator.internal.service.Spaces;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.restore.RestorationEngine;
import io.vodkit.emulator.restore.RestoreReport;
import io.vodkit.emulator.restore.RestoreSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job: restores the source object with the {@link RestorationEngine} and stores the result as a
 * new object
 * {@code enhance/<source stem>_<config>_<run id hex>.<ext>} in the same space, then records Success (with Output and
 * Report) or Failed (with a task code).
 */
public final class EnhanceTask {
    public static final String CODE_INVALID_MEDIA_STREAM = "InvalidParameter.InvalidMediaStream";
    public static final String CODE_INVALID_URI = "InvalidParameter.InvalidUriError";
    public static final String CODE_INTERNAL = "InternalError";
    static final String OUTPUT_PREFIX = "enhance/";
    private static final String SOURCE_DELETED = "the source was deleted while it was being restored";
    private static final Logger LOG = LoggerFactory.getLogger(EnhanceTask.class);

    private final ExecutionRepository executions;
    private final SourceOutputs outputs;
    private final Optional<RestorationEngine> restorer;
    private final Clock clock;

    /**
     * @param outputs  the sources jobs read and where their outputs go (a deleted source stops its job)
     * @param restorer empty when ffmpeg is not available: every job then fails with {@code InternalError}
     */
    public EnhanceTask(
            ExecutionRepository executions, SourceOutputs outputs, Optional<RestorationEngine> restorer, Clock clock) {
        this.executions = executions;
        this.outputs = outputs;
        this.restorer = restorer;
        this.clock = clock;
    }

    /** The output FileName for a job. */
    static String outputFileName(String sourceFileName, String config, String runId, String extension) {
        String base = sourceFileName.substring(sourceFileName.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return OUTPUT_PREFIX + stem + "_" + config + "_" + runId.substring(runId.indexOf(':') + 1) + extension;
    }

    void run(ExecutionRecord job) {
        LOG.info(
                "Enhance start runId={} source={} config={} repairStyle={} attempt={}",
                job.runId(),
                job.sourceFileName(),
                job.config(),
                job.repairStyle(),
                job.attempts());
        Optional<StoredObject> source =
                outputs.find(job.sourceFileName()).filter(o -> o.spaceName().equals(job.spaceName()));
        if (source.isEmpty()) {
            fail(job, CODE_INVALID_URI, "the source file " + job.sourceFileName() + " no longer exists");
            return;
        }
        if (restorer.isEmpty()) {
            fail(job, CODE_INTERNAL, "ffmpeg is not available to the emulator");
            return;
        }
        outputs.runs().begin(source.get());
        try {
            restore(job, source.get(), restorer.get());
        } finally {
            outputs.runs().end();
        }
    }

    private void restore(ExecutionRecord job, StoredObject source, RestorationEngine engine) {
        if (!outputs.probe(source).map(ProbeResult::hasVideo).orElse(false)) {
            fail(job, CODE_INVALID_MEDIA_STREAM, "the source has no readable video stream");
            return;
        }
        RestoreSpec spec =
                new RestoreSpec(job.config(), job.repairStyle(), job.targetHeight(), job.fps(), job.bitDepth());
        String extension = RestorationEngine.outputExtension(spec);
        String fileName = outputFileName(job.sourceFileName(), job.config(), job.runId(), extension);
        Path restored = null;
        try {
            restored = outputs.workFile("restore-", extension);
            RestoreReport report = engine.restore(outputs.file(source), restored, spec);
            Optional<StoredObject> stored = outputs.publish(
                    source,
                    Spaces.storeUri(job.spaceName(), fileName),
                    restored,
                    contentType(extension),
                    output -> executions.finish(
                            job.runId(),
                            ExecutionRecord.SUCCESS,
                            "",
                            "",
                            Json.text(EnhanceOutput.of(describe(output, outputs.probe(output)))),
                            Json.text(report),
                            clock.instant()));
            if (stored.isEmpty()) {
                fail(job, CODE_INVALID_URI, SOURCE_DELETED);
                return;
            }
            LOG.info(
                    "Enhance done runId={} output={} steps={} seconds={}",
                    job.runId(),
                    fileName,
                    report.steps().size(),
                    report.elapsedSeconds());
        } catch (MediaException e) {
            fail(job, CODE_INTERNAL, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (Disk.isFull(e)) {
                LOG.warn("Enhance failed: no space left on the disk runId={} error={}", job.runId(), e.toString());
                fail(job, CODE_INTERNAL, Disk.FULL_MESSAGE);
                return;
            }
            LOG.error("Enhance failed runId={}", job.runId(), e);
            fail(job, CODE_INTERNAL, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (restored != null) {
                outputs.removeWorkFile(restored);
            }
        }
    }

    /**
     * Records the failure, unless the worker is being stopped: the job then stays Running for the next start. A job
     * whose source was deleted while it ran fails with {@link #CODE_INVALID_URI}, whatever its run reported.
     */
    private void fail(ExecutionRecord job, String code, String message) {
        if (outputs.runs().cancelled()) {
            code = CODE_INVALID_URI;
            message = SOURCE_DELETED;
        } else if (Thread.currentThread().isInterrupted()) {
            LOG.info("Enhance interrupted runId={}; it is re-queued at the next start", job.runId());
            return;
        }
        LOG.info("Enhance failed runId={} code={} message={}", job.runId(), code, message);
        executions.finish(job.runId(), ExecutionRecord.FAILED, code, message, null, null, clock.instant());
    }

    private static EnhanceOutput.Enhance describe(StoredObject stored, Optional<ProbeResult> probe) {
        String createTime = stored.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        ProbeResult p = probe.orElse(new ProbeResult("", 0, 0, stored.size(), null, null));
        String format = p.formatName().isEmpty() ? "" : SourceInfos.format(p.formatName(), stored.fileName());
        return new EnhanceOutput.Enhance(
                stored.objectId(),
                stored.storeUri(),
                stored.md5(),
                "video",
                format,
                p.durationSeconds(),
                stored.size(),
                createTime,
                SourceInfos.videoMeta(p),
                SourceInfos.audioMeta(p));
    }

    private static String contentType(String extension) {
        return ".mkv".equals(extension) ? "video/x-matroska" : "video/mp4";
    }
}
