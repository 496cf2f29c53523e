package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.WorkflowTemplate;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.WorkflowRepository;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StartWorkflow: the templates the emulator knows ({@code serve --workflow-template ID=transcode:720p}, kept in the
 * data folder) and their runs, one at a time in the background after the commit that asked for them (the service
 * runs workflows asynchronously too). A run's output is an object of the space that GetMediaInfos lists in
 * {@code TranscodeInfos} and DeleteMedia removes with the media; deleting the media stops its run. A run cut short
 * by the emulator stopping is not resumed.
 */
public final class Workflows implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);
    /** Runs waiting at most; more are refused with a log line (the commit itself still succeeds, as documented). */
    private static final int MAX_QUEUED = 64;

    private final WorkflowRepository repository;
    private final ObjectStore objectStore;
    private final ObjectPublisher publisher;
    private final MediaInspector inspector;
    private final Optional<FfmpegTools> tools;
    private final CommandRunner runner;
    private final Ids ids;
    private final Path workDir;
    private final SourceRuns runs;
    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_QUEUED), runnable -> {
                Thread thread = new Thread(runnable, "vodkit-workflow");
                thread.setDaemon(true);
                return thread;
            });

    public Workflows(
            WorkflowRepository repository,
            ObjectStore objectStore,
            ObjectPublisher publisher,
            MediaInspector inspector,
            Optional<FfmpegTools> tools,
            CommandRunner runner,
            Ids ids,
            Path workDir,
            SourceRuns runs) {
        this.repository = repository;
        this.objectStore = objectStore;
        this.publisher = publisher;
        this.inspector = inspector;
        this.tools = tools;
        this.runner = runner;
        this.ids = ids;
        this.workDir = workDir;
        this.runs = runs;
    }

    /**
     * Defines (or redefines) a template.
     *
     * @throws IllegalStateException without ffmpeg, which every template needs
     */
    public void define(WorkflowTemplate template) {
        if (tools.isEmpty()) {
            throw new IllegalStateException("workflow templates need ffmpeg, which was not found");
        }
        repository.defineTemplate(template.id(), template.spec());
    }

    /** Each id must name a template; else the refusal StartWorkflow gets for a template the space lacks. */
    public void requireKnown(List<String> templateIds) {
        for (String id : templateIds) {
            if (repository.templateSpec(id).isEmpty()) {
                throw ApiError.WORKFLOW_TEMPLATE_NOT_FOUND.exception(id);
            }
        }
    }

    /** Queues the runs of {@code templateIds} on the committed {@code source} of {@code vid}. */
    public void start(String space, String vid, StoredObject source, List<String> templateIds) {
        for (String id : templateIds) {
            try {
                executor.execute(() -> run(space, vid, source, id));
            } catch (RejectedExecutionException e) {
                LOG.warn("Workflow not started (queue full or stopping) vid={} template={}", vid, id);
            }
        }
    }

    private void run(String space, String vid, StoredObject source, String templateId) {
        Optional<WorkflowTemplate> template =
                repository.templateSpec(templateId).map(spec -> WorkflowTemplate.of(templateId, spec));
        if (template.isEmpty() || tools.isEmpty()) {
            LOG.warn("Workflow skipped vid={} template={}: template or ffmpeg missing", vid, templateId);
            return;
        }
        if (!publisher.holds(source)) {
            LOG.info("Workflow skipped vid={} template={}: the media was deleted", vid, templateId);
            return;
        }
        runs.begin(source);
        Path out = null;
        try {
            Files.createDirectories(workDir);
            out = Files.createTempFile(workDir, vid + "-" + templateId + "-", ".mp4");
            ProcessResult result =
                    runner.run(transcodeCommand(tools.get(), objectStore.path(source.objectId()), template.get(), out));
            if (result.exitCode() != 0) {
                LOG.warn("Workflow failed vid={} template={}: {}", vid, templateId, result.stderrTail());
                return;
            }
            String fileName = FileNameRules.RESERVED_PREFIX + "transcodes/" + vid + "/" + templateId + ".mp4";
            String objectId = ids.objectId();
            boolean stored = publisher
                    .publishFrom(
                            source,
                            Spaces.storeUri(space, fileName),
                            objectId,
                            objectStore.concatenate(objectId, List.of(out)),
                            "video/mp4",
                            output -> repository.addTranscode(vid, transcode(templateId, output)))
                    .isPresent();
            if (stored) {
                LOG.info("Workflow done vid={} template={} output={}", vid, templateId, fileName);
            }
        } catch (IOException | MediaException | RuntimeException e) {
            if (runs.cancelled()) {
                LOG.info("Workflow stopped vid={} template={}: the media was deleted", vid, templateId);
            } else {
                LOG.warn("Workflow failed vid={} template={}: {}", vid, templateId, e.toString());
            }
        } finally {
            runs.end();
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}: {}", out, e.toString());
                }
            }
        }
    }

    /** The ffmpeg run of {@code template}: H.264 + AAC mp4 of {@code template.height()} lines, fast start. */
    static List<String> transcodeCommand(FfmpegTools tools, Path source, WorkflowTemplate template, Path out) {
        return FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.file(source))
                .output(FfmpegCommand.Output.file(out)
                        .videoFilter("scale=-2:" + template.height())
                        .videoCodec("libx264")
                        .option("-preset", "veryfast")
                        .pixelFormat("yuv420p")
                        .audioCodec("aac")
                        .option("-movflags", "+faststart"))
                .build();
    }

    private WorkflowRepository.Transcode transcode(String templateId, StoredObject output) {
        return new WorkflowRepository.Transcode(
                templateId,
                output.fileName(),
                Json.text(transcodeInfo(output, inspector.probe(objectStore.path(output.objectId())))));
    }

    /** {@code TranscodeInfo} (media-management.md A3.4) of an output. */
    private static ObjectNode transcodeInfo(StoredObject stored, Optional<ProbeResult> probe) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("FileId", stored.objectId());
        info.put("Md5", stored.md5());
        info.put("FileType", "video");
        info.put("Format", "mp4");
        info.put("Size", stored.size());
        info.put("StoreUri", stored.storeUri());
        info.put(
                "CreateTime", stored.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("TosStorageClass", "STANDARD");
        probe.ifPresent(p -> {
            info.put("Duration", p.durationSeconds());
            if (p.video() != null) {
                info.putObject("VideoStreamMeta")
                        .put("Codec", p.video().codec())
                        .put("Width", p.video().width())
                        .put("Height", p.video().height())
                        .put("Duration", p.durationSeconds());
            }
        });
        return info;
    }

    /** Stops the runs (one running is cut short). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A workflow run did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
