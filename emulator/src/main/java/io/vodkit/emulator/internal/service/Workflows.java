package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.WorkflowTemplate;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.WorkflowRepository;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StartWorkflow: the templates the emulator knows ({@code serve --workflow-template ID=transcode:720p}, kept in the
 * data folder) and their runs, one at a time in the background after the commit that asked for them (the service
 * runs workflows asynchronously too). A run's output is an object of the space that GetMediaInfos lists in
 * {@code TranscodeInfos} and DeleteMedia removes with the media; deleting the media stops its run. The runs asked
 * for are kept in the database until they end, so one that the emulator's stop cut short (or that was still waiting)
 * runs at the next start. Each run that ends sends WorkflowComplete, with the commit's CallbackArgs.
 */
public final class Workflows implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);
    /** Runs waiting at most; more are dropped with a log line (the commit itself still succeeds, as documented). */
    private static final int MAX_QUEUED = 64;

    private final WorkflowRepository repository;
    private final SourceOutputs outputs;
    private final Optional<FfmpegTools> tools;
    private final CommandRunner runner;
    private final Ids ids;
    private final CallbackEvents events;
    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_QUEUED), runnable -> {
                Thread thread = new Thread(runnable, "vodkit-workflow");
                thread.setDaemon(true);
                return thread;
            });

    /** @param outputs the sources runs read and where their outputs go (a deleted source stops its run) */
    public Workflows(
            WorkflowRepository repository,
            SourceOutputs outputs,
            Optional<FfmpegTools> tools,
            CommandRunner runner,
            Ids ids,
            CallbackEvents events) {
        this.repository = repository;
        this.outputs = outputs;
        this.tools = tools;
        this.runner = runner;
        this.ids = ids;
        this.events = events;
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
    public void start(String space, String vid, StoredObject source, List<String> templateIds, String callbackArgs) {
        for (String id : templateIds) {
            WorkflowRepository.Run run = new WorkflowRepository.Run(vid, id, space, source.fileName(), callbackArgs);
            repository.addRun(run);
            queue(run, source);
        }
    }

    /** Queues again the runs a previous emulator did not finish (it stopped first), in the order asked. */
    public void resume() {
        for (WorkflowRepository.Run run : repository.unfinishedRuns()) {
            Optional<StoredObject> source = outputs.find(run.sourceFileName());
            if (source.isEmpty()) {
                repository.finished(run);
                continue;
            }
            LOG.info("Workflow resumed vid={} template={}", run.vid(), run.templateId());
            queue(run, source.get());
        }
    }

    private void queue(WorkflowRepository.Run run, StoredObject source) {
        try {
            executor.execute(() -> run(run, source));
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                return;
            }
            LOG.warn(
                    "Workflow not started (more than {} waiting) vid={} template={}",
                    MAX_QUEUED,
                    run.vid(),
                    run.templateId());
            repository.finished(run);
        }
    }

    /** Why a run made no output. */
    private static final class RunFailure extends Exception {
        RunFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The emulator's stop cut a run short: its row stays, so it runs again at the next start. */
    private static final class CutShort extends Exception {
        CutShort() {
            super("cut short by the stop", null, false, false);
        }
    }

    /**
     * One run, then its WorkflowComplete (none when DeleteMedia removed the media meanwhile: it has no Vid now), and
     * its row is forgotten; a run cut short by the stop keeps its row and sends nothing.
     */
    private void run(WorkflowRepository.Run run, StoredObject source) {
        String runId = ids.runId();
        String space = run.spaceName();
        String vid = run.vid();
        String templateId = run.templateId();
        try {
            transcode(run, source)
                    .ifPresent(info -> events.workflowFinished(
                            space, vid, runId, templateId, run.callbackArgs(), Optional.of(info), ""));
        } catch (RunFailure e) {
            LOG.warn("Workflow failed vid={} template={}: {}", vid, templateId, e.getMessage());
            events.workflowFinished(
                    space, vid, runId, templateId, run.callbackArgs(), Optional.empty(), e.getMessage());
        } catch (CutShort e) {
            LOG.info(
                    "Workflow cut short by the stop vid={} template={}; it runs again at the next start",
                    vid,
                    templateId);
            return;
        }
        repository.finished(run);
    }

    /** Runs the template on {@code source} and stores the output: its TranscodeInfo, empty when deleted. */
    private Optional<JsonNode> transcode(WorkflowRepository.Run run, StoredObject source) throws RunFailure, CutShort {
        String vid = run.vid();
        String templateId = run.templateId();
        Optional<WorkflowTemplate> template =
                repository.templateSpec(templateId).map(spec -> WorkflowTemplate.of(templateId, spec));
        if (template.isEmpty() || tools.isEmpty()) {
            throw new RunFailure("the template or ffmpeg is missing");
        }
        if (!outputs.holds(source)) {
            LOG.info("Workflow skipped vid={} template={}: the media was deleted", vid, templateId);
            return Optional.empty();
        }
        outputs.runs().begin(source);
        Path out = null;
        try {
            out = outputs.workFile(vid + "-" + templateId + "-", ".mp4");
            ProcessResult result = runner.run(transcodeCommand(tools.get(), outputs.file(source), template.get(), out));
            if (result.exitCode() != 0) {
                throw new RunFailure("ffmpeg failed: " + result.stderrTail());
            }
            String fileName = FileNameRules.RESERVED_PREFIX + "transcodes/" + vid + "/" + templateId + ".mp4";
            AtomicReference<JsonNode> info = new AtomicReference<>();
            boolean stored = outputs.publish(
                            source, Spaces.storeUri(run.spaceName(), fileName), out, "video/mp4", output -> {
                                info.set(transcodeInfo(output, outputs.probe(output)));
                                repository.addTranscode(
                                        vid,
                                        new WorkflowRepository.Transcode(
                                                templateId, output.fileName(), Json.text(info.get())));
                            })
                    .isPresent();
            if (stored) {
                LOG.info("Workflow done vid={} template={} output={}", vid, templateId, fileName);
            }
            return stored ? Optional.of(info.get()) : Optional.empty();
        } catch (IOException | MediaException | RuntimeException e) {
            if (outputs.runs().cancelled()) {
                LOG.info("Workflow stopped vid={} template={}: the media was deleted", vid, templateId);
                return Optional.empty();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CutShort();
            }
            throw new RunFailure(e.toString());
        } finally {
            outputs.runs().end();
            if (out != null) {
                outputs.removeWorkFile(out);
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
                info.set("VideoStreamMeta", Json.tree(SourceInfos.videoMeta(p)));
            }
            if (p.audio() != null) {
                info.set("AudioStreamMeta", Json.tree(SourceInfos.audioMeta(p)));
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
