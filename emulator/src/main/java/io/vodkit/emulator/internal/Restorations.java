package io.vodkit.emulator.internal;

import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.db.ExecutionRepository;
import io.vodkit.emulator.internal.db.WorkflowRepository;
import io.vodkit.emulator.internal.jobs.EnhanceTask;
import io.vodkit.emulator.internal.jobs.ExecutionService;
import io.vodkit.emulator.internal.jobs.ExecutionWorkers;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MediaInspector;
import io.vodkit.emulator.internal.service.SourceOutputs;
import io.vodkit.emulator.internal.service.Workflows;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.restore.RestorationEngine;
import io.vodkit.emulator.restore.Restorer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** What runs ffmpeg: media inspection, restorations (StartExecution) and workflows (StartWorkflow). */
public record Restorations(
        Optional<FfmpegTools> tools,
        ExecutionRepository repository,
        ExecutionWorkers workers,
        ExecutionService executions,
        WorkflowRepository workflowRepository,
        Workflows workflows,
        SourceOutputs outputs) {
    /** The longest one ffmpeg run of an inspection or a console measure may take. */
    public static final Duration MEDIA_PROCESS_TIMEOUT = Duration.ofSeconds(120);
    /** The longest one ffmpeg run of a restoration may take. */
    private static final Duration RESTORE_PROCESS_TIMEOUT = Duration.ofHours(2);
    /** Restoration workers: ffmpeg already uses every core, so jobs run one at a time. */
    private static final int ENHANCE_WORKERS = 1;
    /** Starts after which an interrupted job fails instead of being re-queued. */
    private static final int MAX_ENHANCE_ATTEMPTS = 3;

    public static Restorations open(
            EmulatorConfig.Restoration config,
            Database database,
            Store store,
            CallbackEvents events,
            Ids ids,
            Clock clock) {
        Optional<FfmpegTools> tools = FfmpegTools.locate(config.ffmpeg());
        MediaInspector inspector = new MediaInspector(tools, MEDIA_PROCESS_TIMEOUT);
        ExecutionRepository repository = new ExecutionRepository(database);
        SourceOutputs outputs = new SourceOutputs(store.objectStore(), store.publisher(), inspector, ids, store.work());
        Optional<RestorationEngine> restorer =
                tools.map(t -> new Restorer(t, new ProcessRunner(RESTORE_PROCESS_TIMEOUT)));
        ExecutionWorkers workers = new ExecutionWorkers(
                repository, new EnhanceTask(repository, outputs, restorer, clock), clock, ENHANCE_WORKERS);
        ExecutionService executions = new ExecutionService(
                repository, store.media(), outputs, store.spaces(), workers, ids, clock, config.allowPro(), events);
        WorkflowRepository workflowRepository = new WorkflowRepository(database);
        Workflows workflows = new Workflows(
                workflowRepository, outputs, tools, new ProcessRunner(RESTORE_PROCESS_TIMEOUT), ids, events);
        return new Restorations(tools, repository, workers, executions, workflowRepository, workflows, outputs);
    }

    /** Re-queues the restorations a previous run left running (or fails those interrupted too often). */
    public void prepare(Clock clock) {
        repository.requeueInterrupted(MAX_ENHANCE_ATTEMPTS, EnhanceTask.CODE_INTERNAL, clock.instant());
    }

    /**
     * Starts the restoration workers until the handle is closed (an interrupted job is re-queued next start); each
     * restoration that ends sends ExecutionComplete.
     */
    public Handles.Handle startWorkers() {
        workers.start(executions::announce);
        return workers::close;
    }

    /** Queues the workflow runs a previous run left unfinished; stops the runs when closed. */
    public Handles.Handle workflowRuns() {
        workflows.resume();
        return workflows::close;
    }
}
