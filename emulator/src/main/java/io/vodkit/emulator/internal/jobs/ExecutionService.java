package io.vodkit.emulator.internal.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.GetExecutionResult;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.ExecutionRecord;
import io.vodkit.emulator.internal.db.ExecutionRepository;
import io.vodkit.emulator.internal.db.MediaRecord;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.SourceOutputs;
import io.vodkit.emulator.internal.service.Spaces;
import io.vodkit.emulator.internal.storage.StripedLocks;
import io.vodkit.emulator.restore.RestorationEngine;
import io.vodkit.emulator.restore.RestoreSpec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StartExecution and GetExecution (spec §9): validates and queues enhance jobs, and reports their state. The Pro
 * repair style is refused (403, "Permission denied") unless the emulator allows it.
 *
 * <p>{@code Control.ClientToken} makes a submission idempotent (spec §9.1): a StartExecution whose token was used
 * before answers the earlier job's RunId and starts nothing, so a client whose reply was lost may resubmit. The same
 * token with a different Input or Operation is refused ({@link ApiError#CLIENT_TOKEN_REUSED}). Tokens are kept as
 * long as their job (for the whole account, not per space).
 */
public final class ExecutionService {
    /** Task code of a job whose MoeEnhance values are invalid. */
    public static final String CODE_INVALID_PARAM = "InvalidParameter.InvalidParam";
    /** Jobs that may wait for a worker at once; StartExecution answers 429 beyond that. */
    public static final int MAX_PENDING = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);

    private record Source(String spaceName, StoredObject object) {}

    private final ExecutionRepository executions;
    private final MediaRepository media;
    private final SourceOutputs outputs;
    private final Spaces spaces;
    private final ExecutionWorkers workers;
    private final Ids ids;
    private final Clock clock;
    private final boolean allowPro;
    private final CallbackEvents events;
    private final StripedLocks tokenLocks = new StripedLocks(64);

    public ExecutionService(
            ExecutionRepository executions,
            MediaRepository media,
            SourceOutputs outputs,
            Spaces spaces,
            ExecutionWorkers workers,
            Ids ids,
            Clock clock,
            boolean allowPro,
            CallbackEvents events) {
        this.executions = executions;
        this.media = media;
        this.outputs = outputs;
        this.spaces = spaces;
        this.workers = workers;
        this.ids = ids;
        this.clock = clock;
        this.allowPro = allowPro;
        this.events = events;
    }

    /**
     * Queues a job (or records it as failed when its values are invalid) and returns its RunId; with a ClientToken
     * seen before, returns that job's RunId instead.
     */
    public String start(StartExecutionRequest request) {
        String token = request.clientToken();
        if (token.isEmpty()) {
            return startNew(request);
        }
        Lock lock = tokenLocks.lockFor(token);
        lock.lock();
        try {
            Optional<ExecutionRecord> earlier = executions.findByClientToken(token);
            if (earlier.isEmpty()) {
                return startNew(request);
            }
            ExecutionRecord job = earlier.get();
            if (!job.inputJson().equals(Json.text(request.input()))
                    || !job.operationJson().equals(Json.text(request.operation()))) {
                throw ApiError.CLIENT_TOKEN_REUSED.exception(token, job.runId());
            }
            LOG.info("Execution resubmitted runId={} clientToken={}", job.runId(), token);
            return job.runId();
        } finally {
            lock.unlock();
        }
    }

    private String startNew(StartExecutionRequest request) {
        if (request.parameters().repairStyleOrZero() == RestoreSpec.PRO && !allowPro) {
            throw ApiError.PRO_NOT_ALLOWED.exception();
        }
        Source source = resolve(request);
        String runId = ids.runId();
        Instant now = clock.instant();
        RestoreSpec spec;
        try {
            spec = request.parameters().spec();
        } catch (IllegalArgumentException invalid) {
            executions.insert(record(
                    runId,
                    request,
                    source,
                    ExecutionRecord.FAILED,
                    CODE_INVALID_PARAM,
                    invalid.getMessage(),
                    null,
                    now));
            LOG.info("Execution refused runId={} code={} reason={}", runId, CODE_INVALID_PARAM, invalid.getMessage());
            announce(runId);
            return runId;
        }
        if (spec.bitDepth() == 16) {
            outputs.probe(source.object())
                    .filter(p -> p.durationSeconds() > RestorationEngine.MAX_16_BIT_SOURCE_SECONDS)
                    .ifPresent(p -> {
                        throw ApiError.INVALID_PARAMETER.exception(
                                "Target.BitDepth",
                                16,
                                String.format(
                                        Locale.ROOT,
                                        "16-bit output is limited to sources of at most %.0f s; this source is %.1f s",
                                        RestorationEngine.MAX_16_BIT_SOURCE_SECONDS,
                                        p.durationSeconds()));
                    });
        }
        if (executions.countPending() >= MAX_PENDING) {
            throw ApiError.TOO_MANY_EXECUTIONS.exception(MAX_PENDING);
        }
        executions.insert(record(runId, request, source, ExecutionRecord.PENDING_START, "", "", spec, now));
        workers.wake();
        LOG.info(
                "Execution queued runId={} space={} source={} config={} repairStyle={}",
                runId,
                source.spaceName(),
                source.object().fileName(),
                spec.config(),
                spec.repairStyle());
        return runId;
    }

    /** Sends ExecutionComplete for {@code runId} once it has ended (Success or Failed). */
    public void announce(String runId) {
        Optional<ExecutionRecord> job = executions.find(runId);
        if (job.isPresent()
                && (ExecutionRecord.SUCCESS.equals(job.get().status())
                        || ExecutionRecord.FAILED.equals(job.get().status()))) {
            events.executionFinished(get(runId));
        }
    }

    /** GetExecution's Result for {@code runId}, or EXECUTION_NOT_FOUND. */
    public GetExecutionResult get(String runId) {
        ExecutionRecord job = executions.find(runId).orElseThrow(() -> ApiError.EXECUTION_NOT_FOUND.exception(runId));
        return new GetExecutionResult(
                job.runId(),
                job.status(),
                job.code(),
                job.message().isEmpty() ? null : job.message(),
                tree(job.inputJson()),
                tree(job.operationJson()),
                tree(job.controlJson()),
                new GetExecutionResult.Meta(
                        job.spaceName(), iso(job.createTime()), iso(job.startTime()), iso(job.endTime()), "API"),
                job.outputJson() == null ? null : tree(job.outputJson()),
                job.reportJson() == null ? null : tree(job.reportJson()));
    }

    private Source resolve(StartExecutionRequest request) {
        if (StartExecutionRequest.VID.equals(request.inputType())) {
            MediaRecord found = media.find(request.vid())
                    .filter(m -> request.spaceName() == null
                            || request.spaceName().isEmpty()
                            || m.spaceName().equals(request.spaceName()))
                    .orElseThrow(() -> ApiError.MEDIA_NOT_FOUND.exception(request.vid()));
            StoredObject object =
                    outputs.find(found.fileName()).orElseThrow(() -> ApiError.MEDIA_NOT_FOUND.exception(request.vid()));
            return new Source(found.spaceName(), object);
        }
        String space = spaces.requireKnown(request.spaceName());
        StoredObject object = outputs.find(request.fileName())
                .filter(o -> o.spaceName().equals(space))
                .orElseThrow(() -> ApiError.FILE_NOT_FOUND.exception(request.fileName(), space));
        return new Source(space, object);
    }

    private static ExecutionRecord record(
            String runId,
            StartExecutionRequest request,
            Source source,
            String status,
            String code,
            String message,
            RestoreSpec spec,
            Instant now) {
        boolean failed = ExecutionRecord.FAILED.equals(status);
        return new ExecutionRecord(
                runId,
                source.spaceName(),
                status,
                code,
                message,
                Json.text(request.input()),
                Json.text(request.operation()),
                Json.text(request.control()),
                source.object().fileName(),
                spec == null ? request.parameters().config() : spec.config(),
                spec == null ? request.parameters().repairStyleOrZero() : spec.repairStyle(),
                spec == null ? null : spec.targetHeight(),
                spec == null ? null : spec.fps(),
                spec == null ? 8 : spec.bitDepth(),
                null,
                null,
                0,
                now,
                failed ? now : null,
                failed ? now : null);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored execution JSON is unreadable", e);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
